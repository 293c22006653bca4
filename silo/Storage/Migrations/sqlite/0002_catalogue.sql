-- Version 2: the catalogue (departments, doctors, weekly schedules and their exceptions) and the
-- department each pool belongs to (per-department limits and statistics read it).
-- Doctors' specialties are one text of newline-separated names: the catalogue is read whole into
-- memory and searched there. Times of day are 'HH:mm:ss', dates 'yyyy-MM-dd', as in version 1.

CREATE TABLE IF NOT EXISTS departments (
    department_id       TEXT    NOT NULL PRIMARY KEY,
    name                TEXT    NOT NULL,
    description         TEXT    NOT NULL,
    location            TEXT    NOT NULL,
    release_days_before INTEGER NULL CHECK (release_days_before IS NULL OR release_days_before >= 0),
    release_time        TEXT    NULL,
    active              INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    CHECK ((release_days_before IS NULL) = (release_time IS NULL))
);

CREATE TABLE IF NOT EXISTS doctors (
    doctor_id     TEXT    NOT NULL PRIMARY KEY,
    department_id TEXT    NOT NULL REFERENCES departments (department_id),
    name          TEXT    NOT NULL,
    title         TEXT    NOT NULL CHECK (title IN ('chief', 'associate_chief', 'attending', 'resident')),
    specialties   TEXT    NOT NULL,
    bio           TEXT    NOT NULL,
    active        INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_doctors_department ON doctors (department_id);

CREATE TABLE IF NOT EXISTS schedule_sessions (
    doctor_id          TEXT           NOT NULL REFERENCES doctors (doctor_id),
    weekday            TEXT           NOT NULL CHECK (weekday IN
        ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')),
    session            TEXT           NOT NULL CHECK (session IN ('morning', 'afternoon', 'evening')),
    start_time         TEXT           NOT NULL,
    minutes_per_number INTEGER        NOT NULL CHECK (minutes_per_number > 0),
    quota              INTEGER        NOT NULL CHECK (quota > 0),
    fee                DECIMAL(12, 2) NULL,
    PRIMARY KEY (doctor_id, weekday, session)
);

CREATE TABLE IF NOT EXISTS schedule_exceptions (
    exception_id       TEXT           NOT NULL PRIMARY KEY,
    doctor_id          TEXT           NOT NULL REFERENCES doctors (doctor_id),
    visit_date         TEXT           NOT NULL,
    kind               TEXT           NOT NULL CHECK (kind IN ('leave', 'extra_session')),
    session            TEXT           NULL CHECK (session IS NULL OR session IN ('morning', 'afternoon', 'evening')),
    start_time         TEXT           NULL,
    minutes_per_number INTEGER        NULL,
    quota              INTEGER        NULL,
    fee                DECIMAL(12, 2) NULL,
    created_at         TEXT           NOT NULL,
    -- An extra session states its session and numbers; a leave states no numbers.
    CHECK (
        (kind = 'leave' AND start_time IS NULL AND minutes_per_number IS NULL AND quota IS NULL AND fee IS NULL)
        OR (kind = 'extra_session' AND session IS NOT NULL AND start_time IS NOT NULL
            AND minutes_per_number IS NOT NULL AND quota IS NOT NULL))
);

CREATE INDEX IF NOT EXISTS ix_schedule_exceptions_doctor_date ON schedule_exceptions (doctor_id, visit_date);

-- NULL for pools opened by hand without a department.
ALTER TABLE pools ADD COLUMN department_id TEXT NULL;
