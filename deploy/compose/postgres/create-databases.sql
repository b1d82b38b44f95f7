-- Run once by the postgres image on an empty data volume: one database per service and Keycloak's.
CREATE DATABASE membership;
CREATE DATABASE learning;
CREATE DATABASE solutions;
CREATE DATABASE marketplace;
CREATE DATABASE keycloak;
