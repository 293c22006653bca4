-- Version 61: a department may see patients of some ages only (a children's clinic up to 13, a
-- geriatric one from 65), in completed years on the visit day; NULL is an open end.

ALTER TABLE departments
    ADD COLUMN min_age_years SMALLINT NULL,
    ADD COLUMN max_age_years SMALLINT NULL,
    ADD CONSTRAINT ck_departments_ages CHECK ((min_age_years IS NULL OR min_age_years BETWEEN 0 AND 150)
        AND (max_age_years IS NULL OR max_age_years BETWEEN 0 AND 150)
        AND (min_age_years IS NULL OR max_age_years IS NULL OR min_age_years <= max_age_years));
