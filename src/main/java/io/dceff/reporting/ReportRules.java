package io.dceff.reporting;

import io.dceff.platform.problem.Problem.FieldError;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of a report against its data center and the calendar (API.md, Energy reports), beyond
 * the field constraints of the request: a report that fails one is rejected, never stored.
 */
public final class ReportRules {

    private ReportRules() {}

    /** @param currentMonth the month of "today": later months have not happened yet */
    public static List<FieldError> check(ReportFigures r, LocalDate commissionedOn, int racks, YearMonth currentMonth) {
        List<FieldError> errors = new ArrayList<>();
        if (r.period() != null) {
            if (r.period().isAfter(currentMonth)) {
                errors.add(
                        FieldError.of("period", "is in the future (" + r.period() + " is after " + currentMonth + ")"));
            }
            if (r.period().isBefore(YearMonth.from(commissionedOn))) {
                errors.add(
                        FieldError.of("period", "is before the data center was commissioned (" + commissionedOn + ")"));
            }
        }
        if (r.facilityKwh() != null && r.itKwh() != null && r.facilityKwh().compareTo(r.itKwh()) < 0) {
            errors.add(
                    FieldError.of("facilityKwh", "must not be less than itKwh (facility energy includes IT energy)"));
        }
        if (r.facilityKwh() != null && r.reusedKwh() != null && r.reusedKwh().compareTo(r.facilityKwh()) > 0) {
            errors.add(FieldError.of("reusedKwh", "must not exceed facilityKwh"));
        }
        if (r.facilityKwh() != null
                && r.renewableKwh() != null
                && r.renewableKwh().compareTo(r.facilityKwh()) > 0) {
            errors.add(FieldError.of("renewableKwh", "must not exceed facilityKwh"));
        }
        if (r.racksInUse() != null && r.racksInUse() > racks) {
            errors.add(FieldError.of("racksInUse", "must not exceed the data center's " + racks + " racks"));
        }
        return errors;
    }
}
