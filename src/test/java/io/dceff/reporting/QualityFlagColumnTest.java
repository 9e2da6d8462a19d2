package io.dceff.reporting;

import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dceff.platform.jdbc.Jdbc;
import io.dceff.registry.service.SiteStatus;
import io.dceff.reporting.service.ReportStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The quality_flags columns (V13) against {@link QualityFlag}: a SET of exactly its names in its order, every flag
 * written and read back through the store, and no other name storable.
 */
@QuarkusTest
class QualityFlagColumnTest {

    private static final YearMonth FIRST = YearMonth.of(2019, 1);

    @Inject
    Jdbc jdbc;

    @Inject
    ReportStore store;

    @Inject
    SiteStatus sites;

    @Test
    void everyQualityFlagsColumnIsASetOfExactlyTheEnumsNamesInItsOrder() {
        Map<String, String> types = new TreeMap<>();
        jdbc.query(
                "SELECT TABLE_NAME AS table_name, COLUMN_TYPE AS column_type FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'quality_flags'",
                List.of(),
                rs -> types.put(rs.getString("table_name"), rs.getString("column_type")));
        assertThat(types).containsOnlyKeys("energy_report", "energy_report_revision");
        List<String> names = Arrays.stream(QualityFlag.values()).map(Enum::name).toList();
        types.forEach((table, type) -> {
            assertThat(type).as(table).startsWith("set(");
            List<String> members = new ArrayList<>();
            Matcher member = Pattern.compile("'([^']*)'").matcher(type);
            while (member.find()) {
                members.add(member.group(1));
            }
            assertThat(members).as(table + " " + type).containsExactlyElementsOf(names);
        });
    }

    @Test
    void everyFlagAndEveryCombinationTriedComesBackAsWritten() {
        long id = newSite();
        // no flag, each flag alone, all of them
        List<EnumSet<QualityFlag>> sets = new ArrayList<>();
        sets.add(EnumSet.noneOf(QualityFlag.class));
        for (QualityFlag flag : QualityFlag.values()) {
            sets.add(EnumSet.of(flag));
        }
        sets.add(EnumSet.allOf(QualityFlag.class));
        List<StoredReport> written = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            written.add(report(id, FIRST.plusMonths(i), sets.get(i)));
        }
        store.insert(written, Set.of());
        YearMonth last = FIRST.plusMonths(sets.size() - 1);

        NavigableMap<YearMonth, StoredReport> current =
                store.current(List.of(id), FIRST, last).get(id);
        for (StoredReport report : written) {
            assertThat(current.get(report.period()).flags()).isEqualTo(report.flags());
            assertThat(store.revisions(id, report.period()))
                    .singleElement()
                    .satisfies(r -> assertThat(r.flags()).isEqualTo(report.flags()));
        }
        StoredMonths months = store.months(List.of(id), FIRST.plusMonths(1), last);
        assertThat(months.firstReported(id)).isEqualTo(FIRST);
        assertThat(months.of(id).keySet()).hasSize(sets.size() - 1).doesNotContain(FIRST);

        // and as changed flags: each month takes the next month's set
        Map<StoredReport, EnumSet<QualityFlag>> changes = new LinkedHashMap<>();
        for (int i = 0; i < written.size(); i++) {
            changes.put(written.get(i), sets.get((i + 1) % sets.size()));
        }
        store.updateFlags(changes);
        NavigableMap<YearMonth, StoredReport> changed =
                store.current(List.of(id), FIRST, last).get(id);
        changes.forEach((report, flags) ->
                assertThat(changed.get(report.period()).flags()).isEqualTo(flags));
    }

    @Test
    void aNameThatIsNoFlagCannotBeStored() {
        long id = newSite();
        StoredReport report = report(id, FIRST, EnumSet.of(QualityFlag.PUE_JUMP));
        store.insert(List.of(report), Set.of());
        LocalDate month = FIRST.atDay(1);

        for (String table : List.of("energy_report", "energy_report_revision")) {
            assertThatThrownBy(() -> jdbc.update(
                            "UPDATE " + table + " SET quality_flags = ? WHERE data_center_id = ? AND period = ?",
                            List.of("PUE_JUMP,NOT_A_FLAG", id, month)))
                    .as(table)
                    .isInstanceOf(Jdbc.DataAccessException.class)
                    .hasMessageContaining("quality_flags");
        }
        assertThatThrownBy(() -> jdbc.update(
                        "INSERT INTO energy_report_revision (data_center_id, period, revision, facility_kwh,"
                                + " it_kwh, quality_flags, submitted_at, submitted_by)"
                                + " VALUES (?, ?, 2, 1500, 1000, ?, NOW(3), ?)",
                        List.of(id, month, "NOT_A_FLAG", "test")))
                .isInstanceOf(Jdbc.DataAccessException.class)
                .hasMessageContaining("quality_flags");

        assertThat(store.current(List.of(id), FIRST, FIRST).get(id).get(FIRST).flags())
                .containsExactly(QualityFlag.PUE_JUMP);
        assertThat(store.revisions(id, FIRST))
                .singleElement()
                .satisfies(r -> assertThat(r.flags()).containsExactly(QualityFlag.PUE_JUMP));
    }

    private long newSite() {
        String code = createDataCenter(createOrganization("OPERATOR"), 300, LocalDate.of(2010, 1, 1));
        return sites.byCode(List.of(code)).get(code).id();
    }

    private static StoredReport report(long dataCenterId, YearMonth period, EnumSet<QualityFlag> flags) {
        return new StoredReport(
                dataCenterId,
                period,
                1,
                new BigDecimal("150000"),
                new BigDecimal("100000"),
                null,
                null,
                null,
                null,
                null,
                flags,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "quality-flag-test",
                null,
                null);
    }
}
