-- Version 2: the catalogue (departments, doctors, weekly schedules and their exceptions) and the
-- department each pool belongs to (per-department limits and statistics read it).
-- Doctors' specialties are one text of newline-separated names: the catalogue is read whole into
-- memory and searched there, so the column never needs to be queried piece by piece.
-- The tables first, each IF NOT EXISTS, and the ALTER last: an interrupted run can start again.

CREATE TABLE IF NOT EXISTS departments (
    department_id       VARCHAR(128)  NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    description         TEXT          NOT NULL,
    location            VARCHAR(200)  NOT NULL,
    release_days_before INT           NULL,
    release_time        TIME          NULL,
    active              BOOLEAN       NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (department_id),
    CONSTRAINT ck_departments_release CHECK ((release_days_before IS NULL) = (release_time IS NULL)),
    CONSTRAINT ck_departments_release_days CHECK (release_days_before IS NULL OR release_days_before >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS doctors (
    doctor_id     VARCHAR(128) NOT NULL,
    department_id VARCHAR(128) NOT NULL,
    name          VARCHAR(200) NOT NULL,
    title         VARCHAR(32)  NOT NULL,
    specialties   TEXT         NOT NULL,
    bio           TEXT         NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (doctor_id),
    KEY ix_doctors_department (department_id),
    CONSTRAINT fk_doctors_department FOREIGN KEY (department_id) REFERENCES departments (department_id),
    CONSTRAINT ck_doctors_title CHECK (title IN ('chief', 'associate_chief', 'attending', 'resident'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS schedule_sessions (
    doctor_id          VARCHAR(128)   NOT NULL,
    weekday            VARCHAR(16)    NOT NULL,
    session            VARCHAR(16)    NOT NULL,
    start_time         TIME           NOT NULL,
    minutes_per_number INT            NOT NULL,
    quota              INT            NOT NULL,
    fee                DECIMAL(12, 2) NULL,
    PRIMARY KEY (doctor_id, weekday, session),
    CONSTRAINT fk_schedule_sessions_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (doctor_id),
    CONSTRAINT ck_schedule_sessions_weekday CHECK (weekday IN
        ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')),
    CONSTRAINT ck_schedule_sessions_session CHECK (session IN ('morning', 'afternoon', 'evening')),
    CONSTRAINT ck_schedule_sessions_quota CHECK (quota > 0 AND minutes_per_number > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS schedule_exceptions (
    exception_id       VARCHAR(128)   NOT NULL,
    doctor_id          VARCHAR(128)   NOT NULL,
    visit_date         DATE           NOT NULL,
    kind               VARCHAR(16)    NOT NULL,
    session            VARCHAR(16)    NULL,
    start_time         TIME           NULL,
    minutes_per_number INT            NULL,
    quota              INT            NULL,
    fee                DECIMAL(12, 2) NULL,
    created_at         DATETIME(6)    NOT NULL,
    PRIMARY KEY (exception_id),
    KEY ix_schedule_exceptions_doctor_date (doctor_id, visit_date),
    CONSTRAINT fk_schedule_exceptions_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (doctor_id),
    CONSTRAINT ck_schedule_exceptions_kind CHECK (kind IN ('leave', 'extra_session')),
    CONSTRAINT ck_schedule_exceptions_session CHECK (session IS NULL OR session IN ('morning', 'afternoon', 'evening')),
    -- An extra session states its session and numbers; a leave states no numbers.
    CONSTRAINT ck_schedule_exceptions_shape CHECK (
        (kind = 'leave' AND start_time IS NULL AND minutes_per_number IS NULL AND quota IS NULL AND fee IS NULL)
        OR (kind = 'extra_session' AND session IS NOT NULL AND start_time IS NOT NULL
            AND minutes_per_number IS NOT NULL AND quota IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- NULL for pools opened by hand without a department.
ALTER TABLE pools ADD COLUMN department_id VARCHAR(128) NULL;
