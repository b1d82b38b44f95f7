-- EXAMPLE fee schedules valid from 2025 and from 2026 (same amounts), so that the quote and the assessment work out
-- of the box. No general assembly (Mitgliederversammlung) adopted these amounts: they are illustrative only, marked
-- example = true, and platform admins replace them with PUT /fees/schedules/{year}.
insert into fee_schedule (valid_from_year, version_label, example, description, updated_at, updated_by)
select y.year, y.year || '-example-1', true,
       'BEISPIEL / EXAMPLE: illustrative amounts only, not adopted by the general assembly (Mitgliederversammlung). '
           || 'Replace it with the adopted Beitragsordnung.',
       timestamptz '2025-12-12 00:00:00+00', 'seed'
from (values (2025), (2026)) as y (year);

insert into fee_scale (valid_from_year, municipality_type, minimum_fee, maximum_fee, founding_discount_percent)
select y.year, s.municipality_type, s.minimum_fee, s.maximum_fee, 20.00
from (values (2025), (2026)) as y (year)
cross join (values
    ('GEMEINDE', 400.00, 12000.00),
    ('STADT', 400.00, 12000.00),
    ('KREISFREIE_STADT', 4000.00, 25000.00),
    ('LANDKREIS', 5000.00, 15000.00),
    ('AMT_VERBANDSGEMEINDE', 800.00, 3000.00)
) as s (municipality_type, minimum_fee, maximum_fee);

insert into fee_band (scale_id, from_population, to_population, annual_fee)
select s.id, b.from_population, b.to_population, b.annual_fee
from fee_scale s
join (values
    ('GEMEINDE', 0, 5000, 500.00), ('GEMEINDE', 5000, 10000, 1000.00), ('GEMEINDE', 10000, 20000, 2000.00),
    ('GEMEINDE', 20000, 50000, 4000.00), ('GEMEINDE', 50000, 100000, 7500.00), ('GEMEINDE', 100000, null, 12000.00),
    ('STADT', 0, 5000, 500.00), ('STADT', 5000, 10000, 1000.00), ('STADT', 10000, 20000, 2000.00),
    ('STADT', 20000, 50000, 4000.00), ('STADT', 50000, 100000, 7500.00), ('STADT', 100000, null, 12000.00),
    ('KREISFREIE_STADT', 0, 50000, 5000.00), ('KREISFREIE_STADT', 50000, 100000, 8000.00),
    ('KREISFREIE_STADT', 100000, 250000, 12000.00), ('KREISFREIE_STADT', 250000, 500000, 18000.00),
    ('KREISFREIE_STADT', 500000, null, 25000.00),
    ('LANDKREIS', 0, 100000, 6000.00), ('LANDKREIS', 100000, 200000, 9000.00),
    ('LANDKREIS', 200000, 300000, 12000.00), ('LANDKREIS', 300000, null, 15000.00),
    ('AMT_VERBANDSGEMEINDE', 0, 10000, 1000.00), ('AMT_VERBANDSGEMEINDE', 10000, 25000, 2000.00),
    ('AMT_VERBANDSGEMEINDE', 25000, null, 3000.00)
) as b (municipality_type, from_population, to_population, annual_fee) on b.municipality_type = s.municipality_type;
