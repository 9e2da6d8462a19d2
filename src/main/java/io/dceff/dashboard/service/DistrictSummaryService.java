package io.dceff.dashboard.service;

import io.dceff.dashboard.DistrictSummary;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.registry.service.StatusAt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Per-district figures for the regulator dashboard: one grouped query over every district. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DistrictSummaryService {

    /**
     * Every district, also those with nothing registered. Sites are counted by their status at {@code at} (the
     * latest status change effective on or before it), as the zero-carbon target counts them; energy is summed
     * from energy_report, which holds the latest revision of each month.
     */
    private static final String SQL = "SELECT di.code, di.name_zh, di.name_en,"
            + " COALESCE(s.sites, 0), COALESCE(s.racks, 0), COALESCE(e.reporting, 0), e.facility, e.it"
            + " FROM district di"
            + " LEFT JOIN (SELECT d.district_code, COUNT(*) AS sites, SUM(d.racks) AS racks FROM data_center d"
            + "   WHERE " + StatusAt.sql("d.id") + " IN ('OPERATING', 'CONSOLIDATING')"
            + "   GROUP BY d.district_code) s ON s.district_code = di.code"
            + " LEFT JOIN (SELECT d.district_code, COUNT(DISTINCT r.data_center_id) AS reporting,"
            + "   SUM(r.facility_kwh) AS facility, SUM(r.it_kwh) AS it"
            + "   FROM energy_report r JOIN data_center d ON d.id = r.data_center_id"
            + "   WHERE r.period BETWEEN ? AND ? GROUP BY d.district_code) e ON e.district_code = di.code"
            + " ORDER BY di.code";

    @Inject
    Jdbc jdbc;

    /** @param at the date the data centers are counted at: the year's end, or today within the current year */
    public List<DistrictSummary> summary(int year, LocalDate at) {
        List<DistrictSummary> items = new ArrayList<>();
        jdbc.query(SQL, List.of(Date.valueOf(at), Date.valueOf(LocalDate.of(year, 1, 1)),
                Date.valueOf(LocalDate.of(year, 12, 1))), rs -> items.add(DistrictSummary.of(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getBigDecimal(7), rs.getBigDecimal(8))));
        return items;
    }
}
