-- Version 71: the hospital's staff find a patient by mobile number or by the start of the name
-- (the resident ID has its index already); without these a search would scan every patient.

CREATE INDEX ix_patients_phone ON patients (phone);

CREATE INDEX ix_patients_name ON patients (name);
