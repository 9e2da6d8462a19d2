package io.dceff.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Every policy parameter and operational setting of dceff, under the prefix {@code dceff}. */
@ConfigMapping(prefix = "dceff")
public interface DceffConfig {

    Embedded embedded();

    Fixtures fixtures();

    Security security();

    Reports reports();

    Pue pue();

    Factors factors();

    Stations stations();

    Closure closure();

    Ratings ratings();

    Targets targets();

    Jobs jobs();

    Limits limits();

    Transactions transactions();

    interface Transactions {
        /**
         * Attempts of a whole write transaction that met a conflict or a lost connection (1: never retry).
         * On Galera: certification conflicts between nodes, and one broken connection per client when a node dies.
         */
        @WithDefault("10")
        int maxAttempts();

        /** Wait before the first retry; doubled for each further one (with jitter), up to the maximum. */
        @WithDefault("50MS")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("1S")
        Duration maxBackoff();
    }

    interface Limits {
        /** Largest body of a request other than a batch upload (batches: quarkus.http.limits.max-body-size). */
        @WithDefault("1M")
        MemorySize requestBody();
    }

    interface Embedded {
        /** True when DceffMain (or the test resource) started the embedded MariaDB: the embedded default. */
        @WithDefault("false")
        boolean active();

        /** Folder of the embedded MariaDB's binaries and data; read at launch, before Quarkus starts. */
        @WithDefault("data")
        Path dir();

        /** InnoDB buffer pool of the embedded MariaDB; read at launch. */
        @WithDefault("256M")
        String bufferPoolSize();

        /** How long to wait for the embedded MariaDB to be ready before giving up; read at launch. */
        @WithDefault("120S")
        Duration startTimeout();

        /**
         * Set by the embedded default to 127.0.0.1: the HTTP host unless quarkus.http.host is set
         * (application.properties). Not a setting of its own: QUARKUS_HTTP_HOST is.
         */
        Optional<String> httpHost();
    }

    interface Fixtures {
        /** Load the sample data from {@link #dir()} on the first start of the embedded default. Never in production. */
        @WithDefault("true")
        boolean load();

        /** Folder of the sample data files. */
        @WithDefault("fixtures")
        Path dir();
    }

    /** The pages' sign-in with the identity provider (its issuer is quarkus.oidc.auth-server-url). */
    Oidc oidc();

    interface Oidc {
        /** The public client the pages sign in with (authorization code with PKCE, in the browser). */
        @WithDefault("dceff-web")
        String clientId();

        /** The scopes the pages ask for. */
        @WithDefault("openid")
        String scope();
    }

    interface Security {
        /** The development public key shipped in fixtures/; refused in production unless {@link #allowDevKey()}. */
        @WithDefault("fixtures/dev-keys/public.pem")
        String devPublicKey();

        /** Testing switch: let a production (external database) instance accept the development key. */
        @WithDefault("false")
        boolean allowDevKey();

        /** The token claim holding the caller's roles (operator, carrier, regulator, admin). */
        @WithDefault("groups")
        String rolesClaim();

        /** The token claim holding the organization code of an operator or carrier. */
        @WithDefault("org")
        String orgClaim();
    }

    /** Data-quality flags of energy reports (DESIGN.md, Energy reports and PUE); a flag never rejects data. */
    interface Reports {
        /** A month whose PUE is above this is flagged PUE_ABOVE_3. */
        @WithDefault("3.0")
        BigDecimal maxPlausiblePue();

        /** A month whose PUE differs from the previous month's by more than this share is flagged PUE_JUMP. */
        @WithDefault("0.30")
        BigDecimal maxMonthOnMonthChange();

        /** kW per standard rack (MIIT convention); IT energy above racks × this × hours is flagged. */
        @WithDefault("2.5")
        BigDecimal kwPerRack();

        /** Most rows in one batch upload. */
        @WithDefault("200000")
        int maxBatchRows();
    }

    /** GB 40879-2021 energy grades from the trailing-12-month PUE. */
    interface Pue {
        @WithDefault("1.20")
        BigDecimal grade1Max();

        @WithDefault("1.30")
        BigDecimal grade2Max();

        /** The limit value of GB 40879-2021. */
        @WithDefault("1.50")
        BigDecimal grade3Max();

        /** Sites with at most this many racks are edge sites, outside GB 40879's scope. */
        @WithDefault("100")
        int edgeSiteMaxRacks();
    }

    /** Conversion factors named on every figure computed with them (DESIGN.md, Conversion factors). */
    interface Factors {
        /** Electricity to standard coal, equivalent value, kgce/kWh (GB/T 2589). */
        @WithDefault("0.1229")
        BigDecimal coalKgcePerKwh();

        /** Grid emission factor used for CUE and savings, kgCO2/kWh (Shanghai, 沪环气〔2022〕34号). */
        @WithDefault("0.42")
        BigDecimal gridKgCo2PerKwh();
    }

    /** Base-station reports of carriers. */
    interface Stations {
        /** Technologies a base station may have. */
        @WithDefault("2G,3G,4G,5G,NB-IoT")
        List<String> technologies();

        /** Most rows in one batch: a carrier's whole regional network fits. */
        @WithDefault("200000")
        int maxBatchRows();
    }

    /** The closure rule for small, old, inefficient sites (沪经信节〔2022〕167号: PUE > 1.7, ≤ 800 racks, ≥ 10 years). */
    interface Closure {
        /** A site is inefficient when its window PUE is strictly above this. */
        @WithDefault("1.7")
        BigDecimal pueAbove();

        /** A site is small when it has at most this many racks. */
        @WithDefault("800")
        int maxRacks();

        /** A site is old when it has been in operation for at least this many full years. */
        @WithDefault("10")
        int minYears();

        /** PUE assumed for the load after closure when no merge target is recorded. */
        @WithDefault("1.3")
        BigDecimal referencePue();

        /** Receiving sites for consolidation must have a window PUE at most this. */
        @WithDefault("1.3")
        BigDecimal receivingMaxPue();
    }

    /** Green-design star rating schemes: rule files, loaded and checked at start-up. */
    interface Ratings {
        /** Folder of the rule files (*.yaml); a broken file stops the start. */
        @WithDefault("ratings")
        Path dir();

        /** Scheme used when a rating request names none (its highest version). */
        @WithDefault("green-design-v1")
        String defaultScheme();
    }

    /** The plan's targets (沪经信节〔2022〕167号) and its period; a new plan period is a change here. */
    interface Targets {
        @WithDefault("2022-07-01")
        LocalDate planStart();

        /** Deadline of every target. */
        @WithDefault("2025-12-31")
        LocalDate planEnd();

        /** Data centers reusing waste heat (E_REUSE > 0 in the year). */
        @WithDefault("5")
        BigDecimal wasteHeatReuseDcs();

        /** Operating zero-carbon data centers. */
        @WithDefault("5")
        BigDecimal zeroCarbonDcs();

        /** Share of the year's new base stations that are shared. */
        @WithDefault("1.00")
        BigDecimal newBaseStationSharing();

        /** Energy saved by efficiency in a year, as a share. */
        @WithDefault("0.01")
        BigDecimal annualEnergySaving();

        /** Share of the first assessment's candidates now consolidating or closed. */
        @WithDefault("1.00")
        BigDecimal closureProgress();
    }

    interface Jobs {
        /** This replica's name in job_run; defaults to the host name (the pod name on Kubernetes). */
        Optional<String> instance();

        /** How long a claimed run may take before another replica may take it over. */
        @WithDefault("15M")
        Duration lease();

        /** Reports for a month are due by this day of the following month; reminders go out after it. */
        @WithDefault("15")
        int reportsDueDay();

        /** When each replica looks for due reminders (Quartz cron, Shanghai time); "off" disables it. */
        @WithDefault("0 0 2 * * ?")
        String remindersCron();
    }
}
