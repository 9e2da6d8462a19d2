-- Registry: districts (GB/T 2260), organizations, data centers and their status history.
CREATE TABLE district (
    code     CHAR(6)     NOT NULL PRIMARY KEY,
    name_zh  VARCHAR(32) NOT NULL,
    name_en  VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO district (code, name_zh, name_en) VALUES
    ('310101', '黄浦区', 'Huangpu'),
    ('310104', '徐汇区', 'Xuhui'),
    ('310105', '长宁区', 'Changning'),
    ('310106', '静安区', 'Jing''an'),
    ('310107', '普陀区', 'Putuo'),
    ('310109', '虹口区', 'Hongkou'),
    ('310110', '杨浦区', 'Yangpu'),
    ('310112', '闵行区', 'Minhang'),
    ('310113', '宝山区', 'Baoshan'),
    ('310114', '嘉定区', 'Jiading'),
    ('310115', '浦东新区', 'Pudong New Area'),
    ('310116', '金山区', 'Jinshan'),
    ('310117', '松江区', 'Songjiang'),
    ('310118', '青浦区', 'Qingpu'),
    ('310120', '奉贤区', 'Fengxian'),
    ('310151', '崇明区', 'Chongming');

CREATE TABLE organization (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code         VARCHAR(32)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    credit_code  CHAR(18)     NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    created_by   VARCHAR(128) NOT NULL,
    version      INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_organization_code UNIQUE (code),
    CONSTRAINT uk_organization_credit_code UNIQUE (credit_code),
    CONSTRAINT ck_organization_kind CHECK (kind IN ('OPERATOR', 'CARRIER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE data_center (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code             VARCHAR(32)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    operator_code    VARCHAR(32)   NOT NULL,
    district_code    CHAR(6)       NOT NULL,
    address          VARCHAR(300)  NULL,
    racks            INT           NOT NULL,
    commissioned_on  DATE          NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    design_pue       DECIMAL(6,3)  NULL,
    it_capacity_kw   DECIMAL(12,2) NULL,
    cooling_type     VARCHAR(40)   NULL,
    waste_heat_reuse BOOLEAN       NOT NULL DEFAULT FALSE,
    zero_carbon      BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at       TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version          INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_data_center_code UNIQUE (code),
    CONSTRAINT fk_data_center_operator FOREIGN KEY (operator_code) REFERENCES organization (code),
    CONSTRAINT fk_data_center_district FOREIGN KEY (district_code) REFERENCES district (code),
    CONSTRAINT ck_data_center_racks CHECK (racks >= 1),
    CONSTRAINT ck_data_center_status CHECK (status IN ('PLANNED', 'OPERATING', 'CONSOLIDATING', 'CLOSED')),
    INDEX ix_data_center_operator (operator_code),
    INDEX ix_data_center_district (district_code),
    INDEX ix_data_center_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: every status a data center has had, who set it, when and why.
CREATE TABLE data_center_status_change (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    data_center_id  BIGINT        NOT NULL,
    from_status     VARCHAR(16)   NULL,
    to_status       VARCHAR(16)   NOT NULL,
    effective_on    DATE          NOT NULL,
    changed_at      TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    changed_by      VARCHAR(128)  NOT NULL,
    note            VARCHAR(1000) NULL,
    CONSTRAINT fk_status_change_data_center FOREIGN KEY (data_center_id) REFERENCES data_center (id),
    INDEX ix_status_change_data_center (data_center_id, changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_status_change_effective ON data_center_status_change (data_center_id, effective_on, id);
