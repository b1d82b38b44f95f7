-- Broker passwords are stored AES-256-GCM encrypted (base64 of nonce and ciphertext, longer than the plaintext).
-- Rows written before this version hold plaintext and are marked false; BrokerPasswordEncryption encrypts them at the
-- first start (the key lives in configuration, not in the database).
alter table listing_revision alter column broker_password type text;
alter table listing_revision add column broker_password_encrypted boolean not null default false;
alter table listing_revision alter column broker_password_encrypted drop default;
