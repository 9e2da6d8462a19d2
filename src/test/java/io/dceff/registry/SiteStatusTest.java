package io.dceff.registry;

import static io.dceff.support.Api.as;
import static io.dceff.support.Api.createDataCenter;
import static io.dceff.support.Api.createOrganization;
import static io.dceff.support.Api.dataCenter;
import static org.assertj.core.api.Assertions.assertThat;

import io.dceff.platform.jdbc.SqlFragment;
import io.dceff.registry.service.SiteStatus;
import io.dceff.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The registry's answers for other capabilities: sites with another capability's columns joined in, and its stamp. */
@QuarkusTest
class SiteStatusTest {

    private static final LocalDate COMMISSIONED = LocalDate.of(2015, 3, 1);
    private static final LocalDate LATER = LocalDate.of(2020, 1, 1);
    private static final LocalDate CLOSED_ON = LocalDate.of(2019, 6, 30);

    @Inject
    SiteStatus sites;

    /** What a caller reads of a row: the registry's site and its own columns. */
    record Row(Site site, String column, String joined) {}

    private Map<String, Row> commissionedBy(LocalDate date) {
        // a column and a join with a parameter each: every value must arrive where its placeholder is
        SqlFragment columns = new SqlFragment("? AS probe_column, probe.probe_joined", List.of("from the columns"));
        SqlFragment joins = new SqlFragment(
                "LEFT JOIN (SELECT ? AS probe_joined) probe ON " + SiteStatus.SITE_ID + " > 0",
                List.of("from the joins"));
        return sites
                .commissionedBy(
                        date,
                        columns,
                        joins,
                        (site, rs) -> new Row(site, rs.getString("probe_column"), rs.getString("probe_joined")))
                .stream()
                .collect(Collectors.toMap(row -> row.site().code(), Function.identity()));
    }

    @Test
    void commissionedByAnswersEachSiteWithItsStatusAtTheDateAndTheCallersColumns() {
        String operator = createOrganization("OPERATOR");
        String closed = createDataCenter(operator, 120, COMMISSIONED);
        String young = createDataCenter(operator, 80, LATER);
        as(TestTokens.regulator())
                .body(Map.of("status", "CLOSED", "effectiveOn", CLOSED_ON.toString(), "note", "switched off"))
                .post("/api/v1/data-centers/" + closed + "/status-changes")
                .then()
                .statusCode(201);

        Map<String, Row> before = commissionedBy(CLOSED_ON.minusDays(1));
        assertThat(before).containsKey(closed).doesNotContainKey(young);
        Row row = before.get(closed);
        assertThat(row.site().status()).isEqualTo(DataCenterStatus.OPERATING);
        assertThat(row.site().operatorCode()).isEqualTo(operator);
        assertThat(row.site().racks()).isEqualTo(120);
        assertThat(row.site().commissionedOn()).isEqualTo(COMMISSIONED);
        assertThat(row.column()).isEqualTo("from the columns");
        assertThat(row.joined()).isEqualTo("from the joins");

        Map<String, Row> after = commissionedBy(LATER);
        assertThat(after.get(closed).site().status()).isEqualTo(DataCenterStatus.CLOSED);
        assertThat(after.get(young).site().status()).isEqualTo(DataCenterStatus.OPERATING);
        assertThat(after.get(young).joined()).isEqualTo("from the joins");
    }

    @Test
    void theStampChangesWithARegistrationAnUpdateAndAStatusChange() {
        String operator = createOrganization("OPERATOR");
        String before = sites.stamp();
        assertThat(sites.stamp()).as("nothing changed").isEqualTo(before);

        String code = createDataCenter(operator, 100, COMMISSIONED);
        String registered = sites.stamp();
        assertThat(registered).isNotEqualTo(before);

        as(TestTokens.operator(operator))
                .body(dataCenter(code, operator, 150, COMMISSIONED))
                .put("/api/v1/data-centers/" + code)
                .then()
                .statusCode(200);
        String updated = sites.stamp();
        assertThat(updated).isNotEqualTo(registered);

        as(TestTokens.regulator())
                .body(Map.of("status", "CONSOLIDATING", "effectiveOn", LATER.toString(), "note", "merging"))
                .post("/api/v1/data-centers/" + code + "/status-changes")
                .then()
                .statusCode(201);
        assertThat(sites.stamp()).isNotEqualTo(updated);
    }
}
