package io.dceff.dashboard.service;

import io.dceff.dashboard.ReportingGap;
import io.dceff.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Missing monthly reports of the sites that owe them: one grouped query, the months worked out in Java. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportingGapService {

    /** Sites that report: OPERATING or CONSOLIDATING now, as the reminder job counts them, with their months. */
    private static final String SQL = "SELECT d.code, d.name, d.operator_code, d.district_code, d.status,"
            + " d.commissioned_on, GROUP_CONCAT(DATE_FORMAT(r.period, '%Y-%m'))"
            + " FROM data_center d LEFT JOIN energy_report r ON r.data_center_id = d.id AND r.period BETWEEN ? AND ?"
            + " WHERE d.status IN ('OPERATING', 'CONSOLIDATING') AND d.commissioned_on <= ?"
            + " AND (? IS NULL OR d.district_code = ?) AND (? IS NULL OR d.operator_code = ?)"
            + " GROUP BY d.id, d.code, d.name, d.operator_code, d.district_code, d.status, d.commissioned_on";

    @Inject
    Jdbc jdbc;

    /** The sites with at least one missing month in [from, to], most missing first, then by code. */
    public List<ReportingGap> gaps(YearMonth from, YearMonth to, String district, String operator) {
        List<ReportingGap> gaps = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(from.atDay(1)));
        params.add(Date.valueOf(to.atDay(1)));
        params.add(Date.valueOf(to.atEndOfMonth()));
        params.add(district);
        params.add(district);
        params.add(operator);
        params.add(operator);
        jdbc.query(SQL, params, rs -> {
            LocalDate commissionedOn = rs.getObject(6, LocalDate.class);
            String months = rs.getString(7);
            Set<YearMonth> reported = new HashSet<>();
            if (months != null) {
                for (String m : months.split(",")) {
                    reported.add(YearMonth.parse(m));
                }
            }
            List<YearMonth> missing = ReportingGap.missing(from, to, commissionedOn, reported);
            if (!missing.isEmpty()) {
                gaps.add(new ReportingGap(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), ReportingGap.owed(from, to, commissionedOn), missing));
            }
        });
        gaps.sort(Comparator.comparing((ReportingGap g) -> g.missing().size()).reversed()
                .thenComparing(ReportingGap::code));
        return gaps;
    }
}
