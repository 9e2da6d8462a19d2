package io.dceff.reporting;

import static io.dceff.reporting.QualityFlag.GAP_BEFORE;
import static io.dceff.reporting.QualityFlag.PUE_JUMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.problem.ProblemType;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.Site;
import io.dceff.reporting.ReportIntake.Admitted;
import io.dceff.reporting.ReportIntake.Corrected;
import io.dceff.reporting.ReportIntake.Row;
import io.dceff.support.ConfigDefaults;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What a submission stores, decided from plain values: the rows, the data centers they name, the months stored around
 * them and each site's first month. Figures are chosen so only the flag under test can be set: 300 racks can draw
 * far more than 100 000 kWh of IT energy, PUE 1.5 is plausible, and a jump is a change of more than 30%.
 */
class ReportIntakeTest {

    private static final YearMonth CURRENT = YearMonth.of(2025, 6);
    private static final Instant NOW = Instant.parse("2025-06-20T08:00:00Z");
    private static final String SUBJECT = "operator-a@test";
    private static final Site OWN = site(1, "DC-OWN", "OP-A");
    private static final Site SECOND = site(2, "DC-SECOND", "OP-A");
    private static final Site OTHERS = site(3, "DC-OTHERS", "OP-B");
    private static final Map<String, Site> SITES =
            Map.of(OWN.code(), OWN, SECOND.code(), SECOND, OTHERS.code(), OTHERS);
    private static final Predicate<String> OPERATOR_A = "OP-A"::equals;

    private static final YearMonth JAN = YearMonth.of(2025, 1);
    private static final YearMonth FEB = YearMonth.of(2025, 2);
    private static final YearMonth MAR = YearMonth.of(2025, 3);
    private static final YearMonth APR = YearMonth.of(2025, 4);

    private final ReportIntake intake = new ReportIntake(QualityThresholds.of(ConfigDefaults.reports()), CURRENT, NOW);

    private static Site site(long id, String code, String operator) {
        return new Site(
                id,
                code,
                "Site " + code,
                operator,
                "310101",
                300,
                LocalDate.of(2015, 1, 1),
                null,
                DataCenterStatus.OPERATING);
    }

    /** A month with 100 000 kWh of IT energy and the given PUE. */
    private static ReportFigures figures(YearMonth period, String pue) {
        BigDecimal it = new BigDecimal("100000");
        return new ReportFigures(period, it.multiply(new BigDecimal(pue)), it, null, null, null, null, null, null);
    }

    private static Row row(int number, Site dc, YearMonth period, String pue) {
        return new Row(number, dc.code(), figures(period, pue), List.of());
    }

    private static StoredReport stored(Site dc, YearMonth period, String pue, QualityFlag... flags) {
        ReportFigures f = figures(period, pue);
        EnumSet<QualityFlag> set = EnumSet.noneOf(QualityFlag.class);
        set.addAll(Arrays.asList(flags));
        return new StoredReport(
                dc.id(),
                period,
                1,
                f.facilityKwh(),
                f.itKwh(),
                null,
                null,
                null,
                null,
                null,
                set,
                Instant.parse("2025-04-01T00:00:00Z"),
                "earlier@test",
                null,
                null);
    }

    /** What is stored of one site: these months (all in the span asked) and its first month ever. */
    private static StoredMonths storedMonths(Site dc, YearMonth firstReported, StoredReport... reports) {
        NavigableMap<YearMonth, StoredReport> months = new TreeMap<>();
        for (StoredReport r : reports) {
            months.put(r.period(), r);
        }
        Map<Long, NavigableMap<YearMonth, StoredReport>> current = new HashMap<>();
        if (!months.isEmpty()) {
            current.put(dc.id(), months);
        }
        return new StoredMonths(current, Map.of(dc.id(), firstReported));
    }

    private Admitted batch(StoredMonths stored, Row... rows) {
        return intake.admit(List.of(rows), true, SITES, stored, OPERATOR_A, SUBJECT);
    }

    private ProblemException rejected(StoredMonths stored, Row... rows) {
        return catchThrowableOfType(() -> batch(stored, rows), ProblemException.class);
    }

    private static Set<QualityFlag> flagsOf(Admitted admitted, YearMonth period) {
        return admitted.reports().stream()
                .filter(r -> r.period().equals(period))
                .findFirst()
                .orElseThrow()
                .flags();
    }

    // the month before: stored or in the same batch

    @Test
    void theStoredMonthBeforeDecidesAJump() {
        StoredMonths stored = storedMonths(OWN, MAR, stored(OWN, MAR, "1.5"));
        assertThat(flagsOf(batch(stored, row(1, OWN, APR, "2.0")), APR)).containsExactly(PUE_JUMP); // +33%
        assertThat(flagsOf(batch(stored, row(1, OWN, APR, "1.9")), APR)).isEmpty(); // +27%
    }

    @Test
    void theMonthBeforeInTheSameBatchDecidesAJumpWhateverTheRowOrder() {
        Admitted admitted = batch(StoredMonths.none(), row(1, OWN, APR, "2.0"), row(2, OWN, MAR, "1.5"));
        assertThat(flagsOf(admitted, APR)).containsExactly(PUE_JUMP);
        assertThat(flagsOf(admitted, MAR)).isEmpty();
    }

    @Test
    void eachSiteHasItsOwnMonthBefore() {
        // SECOND's March is no month before for OWN's April
        Admitted admitted = batch(storedMonths(OWN, JAN), row(1, SECOND, MAR, "3.0"), row(2, OWN, APR, "1.5"));
        assertThat(flagsOf(admitted, APR)).containsExactly(GAP_BEFORE);
        assertThat(flagsOf(admitted, MAR)).isEmpty();
    }

    // gaps

    @Test
    void aMonthAfterAMissingOneOfASiteThatReportedEarlierIsAGap() {
        // February and April submitted, January stored: the span read is January to May
        StoredMonths stored = storedMonths(OWN, JAN, stored(OWN, JAN, "1.5"));
        Admitted admitted = batch(stored, row(1, OWN, FEB, "1.5"), row(2, OWN, APR, "1.5"));
        assertThat(flagsOf(admitted, FEB)).isEmpty();
        assertThat(flagsOf(admitted, APR)).containsExactly(GAP_BEFORE);
    }

    @Test
    void theFirstMonthEverIsNoGap() {
        assertThat(flagsOf(batch(StoredMonths.none(), row(1, OWN, MAR, "1.5")), MAR))
                .isEmpty();
    }

    @Test
    void anEarlierMonthKnownOnlyAsTheSitesFirstMonthMakesAGap() {
        // nothing stored in the span read around March (February to April), but the site first reported in 2024
        StoredMonths stored = storedMonths(OWN, YearMonth.of(2024, 1));
        assertThat(flagsOf(batch(stored, row(1, OWN, MAR, "1.5")), MAR)).containsExactly(GAP_BEFORE);
    }

    @Test
    void aMonthBeforeTheFirstStoredOneIsNoGapAndLeavesItAsItIs() {
        StoredMonths stored = storedMonths(OWN, MAR, stored(OWN, MAR, "1.5"));
        Admitted admitted = batch(stored, row(1, OWN, FEB, "1.5"));
        assertThat(flagsOf(admitted, FEB)).isEmpty();
        assertThat(admitted.reflagged()).isEmpty();
    }

    @Test
    void aGapInsideOneBatchIsAGap() {
        Admitted admitted = batch(StoredMonths.none(), row(1, OWN, JAN, "1.5"), row(2, OWN, MAR, "1.5"));
        assertThat(flagsOf(admitted, JAN)).isEmpty();
        assertThat(flagsOf(admitted, MAR)).containsExactly(GAP_BEFORE);
    }

    // flagging stored months again

    @Test
    void aStoredMonthAfterANewlyFilledGapLosesGapBefore() {
        StoredReport march = stored(OWN, MAR, "1.5", GAP_BEFORE);
        StoredMonths stored = storedMonths(OWN, JAN, stored(OWN, JAN, "1.5"), march);
        Admitted admitted = batch(stored, row(1, OWN, FEB, "1.5"));
        assertThat(flagsOf(admitted, FEB)).isEmpty();
        assertThat(admitted.reflagged()).containsExactly(Map.entry(march, EnumSet.noneOf(QualityFlag.class)));
    }

    @Test
    void aStoredMonthGainsAJumpWhenItsNewMonthBeforeIsFarFromIt() {
        StoredReport march = stored(OWN, MAR, "1.5", GAP_BEFORE);
        StoredMonths stored = storedMonths(OWN, JAN, stored(OWN, JAN, "1.5"), march);
        Admitted admitted = batch(stored, row(1, OWN, FEB, "2.4"));
        assertThat(flagsOf(admitted, FEB)).containsExactly(PUE_JUMP); // +60% on January
        assertThat(admitted.reflagged()).containsExactly(Map.entry(march, EnumSet.of(PUE_JUMP))); // −37.5%
    }

    @Test
    void aCorrectionReflagsTheNextMonthBothWays() {
        StoredReport february = stored(OWN, FEB, "1.5");
        StoredReport march = stored(OWN, MAR, "2.0", PUE_JUMP);
        StoredMonths stored = storedMonths(OWN, FEB, february, march);

        // February corrected to 1.9: March's +5% is no jump any more
        Corrected closer = intake.correct(OWN, february, figures(FEB, "1.9").withPeriod(FEB), stored, SUBJECT);
        assertThat(closer.reflagged()).containsExactly(Map.entry(march, EnumSet.noneOf(QualityFlag.class)));

        // February corrected to 1.52: March still jumps (+31.6%), nothing to write
        assertThat(intake.correct(OWN, february, figures(FEB, "1.52"), stored, SUBJECT)
                        .reflagged())
                .isEmpty();

        StoredReport steadyMarch = stored(OWN, MAR, "1.6");
        Corrected farther = intake.correct(
                OWN, february, figures(FEB, "1.0"), storedMonths(OWN, FEB, february, steadyMarch), SUBJECT);
        assertThat(farther.reflagged()).containsExactly(Map.entry(steadyMarch, EnumSet.of(PUE_JUMP)));
    }

    @Test
    void aCorrectionIsTheNextRevisionFlaggedAgainstItsOwnMonthBefore() {
        StoredReport january = stored(OWN, JAN, "1.5");
        StoredReport february = stored(OWN, FEB, "1.5");
        ReportFigures figures = new ReportFigures(
                FEB, new BigDecimal("300000"), new BigDecimal("100000"), null, null, null, null, null, "meter re-read");
        Corrected corrected =
                intake.correct(OWN, february, figures, storedMonths(OWN, JAN, january, february), SUBJECT);
        assertThat(corrected.report().revision()).isEqualTo(2);
        assertThat(corrected.report().facilityKwh()).isEqualByComparingTo("300000");
        assertThat(corrected.report().note()).isEqualTo("meter re-read");
        assertThat(corrected.report().submittedAt()).isEqualTo(NOW);
        assertThat(corrected.report().submittedBy()).isEqualTo(SUBJECT);
        assertThat(corrected.report().flags()).containsExactly(PUE_JUMP); // 3.0 after 1.5
        assertThat(corrected.reflagged()).isEmpty();
    }

    // what is refused

    @Test
    void aMonthRepeatedInOneBatchNamesTheRowItRepeats() {
        ProblemException e = rejected(
                StoredMonths.none(),
                row(1, OWN, MAR, "1.5"),
                row(2, SECOND, MAR, "1.5"), // the same month of another site is fine
                row(3, OWN, APR, "1.5"),
                row(4, OWN, MAR, "1.6"));
        assertThat(e.type()).isEqualTo(ProblemType.INVALID_INPUT);
        assertThat(e.errors()).containsExactly(new FieldError(4, "period", "repeats row 1 (DC-OWN 2025-03)"));
        assertThat(e.getMessage()).isEqualTo("1 problems in 1 rows; nothing was stored");
    }

    @Test
    void monthsAlreadyStoredAreConflictsOfTheirRows() {
        StoredMonths stored = storedMonths(OWN, FEB, stored(OWN, FEB, "1.5"), stored(OWN, APR, "1.5"));
        ProblemException e =
                rejected(stored, row(1, OWN, FEB, "1.5"), row(2, OWN, MAR, "1.5"), row(3, OWN, APR, "1.5"));
        assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(e.errors())
                .containsExactly(
                        new FieldError(1, "period", "DC-OWN 2025-02 is already reported; correct it with PUT"),
                        new FieldError(3, "period", "DC-OWN 2025-04 is already reported; correct it with PUT"));
        assertThat(e.getMessage()).isEqualTo("2 rows are months already reported; nothing was stored");
    }

    @Test
    void aSingleReportOfAStoredMonthIsAConflictWithoutARow() {
        StoredMonths stored = storedMonths(OWN, FEB, stored(OWN, FEB, "1.5"));
        ProblemException e = catchThrowableOfType(
                () -> intake.admit(List.of(row(1, OWN, FEB, "1.5")), false, SITES, stored, OPERATOR_A, SUBJECT),
                ProblemException.class);
        assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(e.errors())
                .containsExactly(FieldError.of("period", "DC-OWN 2025-02 is already reported; correct it with PUT"));
        assertThat(e.getMessage()).isEqualTo("DC-OWN 2025-02 is already reported; correct it with PUT");
    }

    @Test
    void anInvalidRowComesBeforeAnyConflict() {
        StoredMonths stored = storedMonths(OWN, FEB, stored(OWN, FEB, "1.5"));
        ProblemException e = rejected(stored, row(1, OWN, FEB, "1.5"), row(2, OWN, CURRENT.plusMonths(1), "1.5"));
        assertThat(e.type()).isEqualTo(ProblemType.INVALID_INPUT);
        assertThat(e.errors()).extracting(FieldError::row).containsExactly(2);
    }

    @Test
    void rowsOfAnotherOperatorsDataCentersAreForbiddenBeforeAnythingElse() {
        ProblemException e = rejected(
                StoredMonths.none(),
                row(1, OWN, MAR, "0.5"), // invalid as well: facility below IT energy
                row(2, OTHERS, MAR, "1.5"),
                row(3, OTHERS, CURRENT.plusMonths(1), "1.5"));
        assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(e.errors())
                .containsExactly(
                        new FieldError(2, "dataCenterCode", "DC-OTHERS belongs to another operator"),
                        new FieldError(3, "dataCenterCode", "DC-OTHERS belongs to another operator"));
        assertThat(e.getMessage()).isEqualTo("You may report only for your own data centers; nothing was stored");
    }

    @Test
    void aCallerWhoMayAccessEveryOperatorReportsForAnySite() {
        Admitted admitted = intake.admit(
                List.of(row(1, OTHERS, MAR, "1.5")), true, SITES, StoredMonths.none(), operator -> true, "regulator");
        assertThat(admitted.reports()).hasSize(1);
    }

    @Test
    void everyBadRowIsNamedInRowOrder() {
        List<Row> rows = new ArrayList<>();
        rows.add(row(1, OWN, JAN, "1.5"));
        rows.add(new Row(2, "DC-NOWHERE", figures(FEB, "1.5"), List.of()));
        rows.add(new Row(3, null, null, List.of()));
        rows.add(new Row(4, OWN.code(), figures(CURRENT.plusMonths(1), "0.9"), List.of()));
        rows.add(new Row(5, null, figures(MAR, "1.5"), List.of(FieldError.of("itKwh", "must be greater than 0"))));
        rows.add(row(6, OWN, JAN, "1.5"));
        ProblemException e = catchThrowableOfType(
                () -> intake.admit(rows, true, SITES, StoredMonths.none(), OPERATOR_A, SUBJECT),
                ProblemException.class);
        assertThat(e.type()).isEqualTo(ProblemType.INVALID_INPUT);
        assertThat(e.errors())
                .containsExactly(
                        new FieldError(2, "dataCenterCode", "unknown data center DC-NOWHERE"),
                        new FieldError(3, "row", "is empty"),
                        new FieldError(4, "period", "is in the future (2025-07 is after 2025-06)"),
                        new FieldError(
                                4, "facilityKwh", "must not be less than itKwh (facility energy includes IT energy)"),
                        new FieldError(5, "itKwh", "must be greater than 0"),
                        new FieldError(5, "dataCenterCode", "must not be blank"),
                        new FieldError(6, "period", "repeats row 1 (DC-OWN 2025-01)"));
        assertThat(e.getMessage()).isEqualTo("7 problems in 5 rows; nothing was stored");
    }

    @Test
    void aSingleReportsErrorsCarryNoRow() {
        ProblemException e = catchThrowableOfType(
                () -> intake.admit(
                        List.of(row(1, OWN, CURRENT.plusMonths(1), "0.9")),
                        false,
                        SITES,
                        StoredMonths.none(),
                        OPERATOR_A,
                        SUBJECT),
                ProblemException.class);
        assertThat(e.type()).isEqualTo(ProblemType.INVALID_INPUT);
        assertThat(e.errors()).extracting(FieldError::row).containsOnlyNulls();
        assertThat(e.getMessage()).isEqualTo("2 fields are invalid");
    }

    @Test
    void aSingleReportForAnUnknownDataCenterIsNotFound() {
        ProblemException e = catchThrowableOfType(
                () -> intake.admit(
                        List.of(new Row(1, "DC-NOWHERE", figures(MAR, "1.5"), List.of())),
                        false,
                        SITES,
                        StoredMonths.none(),
                        OPERATOR_A,
                        SUBJECT),
                ProblemException.class);
        assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Data center DC-NOWHERE does not exist");
    }

    // what is stored

    @Test
    void theNewReportsAreRevisionOneInRowOrderAndTheBatchSummarisesThem() {
        StoredMonths stored = storedMonths(OWN, JAN, stored(OWN, JAN, "1.5"));
        Admitted admitted = batch(stored, row(1, OWN, MAR, "1.5"), row(2, SECOND, FEB, "1.5"), row(3, OWN, FEB, "3.5"));
        assertThat(admitted.reports()).extracting(StoredReport::dataCenterId).containsExactly(1L, 2L, 1L);
        assertThat(admitted.reports()).extracting(StoredReport::period).containsExactly(MAR, FEB, FEB);
        assertThat(admitted.reports()).allSatisfy(r -> {
            assertThat(r.revision()).isEqualTo(1);
            assertThat(r.submittedAt()).isEqualTo(NOW);
            assertThat(r.submittedBy()).isEqualTo(SUBJECT);
            assertThat(r.batchId()).isNull();
        });
        assertThat(admitted.reportedBefore()).containsExactly(OWN.id());
        assertThat(admitted.dataCenters()).isEqualTo(2);
        assertThat(admitted.first()).isEqualTo(FEB);
        assertThat(admitted.last()).isEqualTo(MAR);

        Admitted inBatch = admitted.inBatch(77);
        assertThat(inBatch.reports()).extracting(StoredReport::batchId).containsOnly(77L);
        ReportBatch summary = inBatch.batch(77);
        // OWN's February: PUE 3.5 is implausible and a jump from January; its March a jump back
        assertThat(summary.flaggedRows())
                .containsExactly(
                        new ReportBatch.FlaggedRow(1, "DC-OWN", MAR, EnumSet.of(PUE_JUMP)),
                        new ReportBatch.FlaggedRow(3, "DC-OWN", FEB, EnumSet.of(QualityFlag.PUE_ABOVE_3, PUE_JUMP)));
        assertThat(summary.rows()).isEqualTo(3);
        assertThat(summary.dataCenters()).isEqualTo(2);
        assertThat(summary.flagged()).isEqualTo(2);
        assertThat(summary.firstPeriod()).isEqualTo(FEB);
        assertThat(summary.lastPeriod()).isEqualTo(MAR);
    }

    @Test
    void theSpanReadRunsFromTheMonthBeforeTheEarliestToTheMonthAfterTheLatest() {
        ReportIntake.Span span = ReportIntake.span(List.of(
                row(1, OWN, MAR, "1.5"),
                new Row(2, null, null, List.of()),
                row(3, SECOND, JAN, "1.5"),
                new Row(4, "DC-NOWHERE", figures(null, "1.5"), List.of())));
        assertThat(span.codes()).containsExactlyInAnyOrder("DC-OWN", "DC-SECOND", "DC-NOWHERE");
        assertThat(span.from()).isEqualTo(YearMonth.of(2024, 12));
        assertThat(span.to()).isEqualTo(APR);

        ReportIntake.Span none = ReportIntake.span(List.of(new Row(1, "DC-OWN", null, List.of())));
        assertThat(none.from()).isNull();
        assertThat(none.to()).isNull();
    }
}
