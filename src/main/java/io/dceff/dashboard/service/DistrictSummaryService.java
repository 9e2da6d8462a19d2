package io.dceff.dashboard.service;

import io.dceff.dashboard.DistrictSummary;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.District;
import io.dceff.registry.Site;
import io.dceff.registry.service.SiteStatus;
import io.dceff.reporting.service.EnergyLedger;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-district figures for the regulator dashboard: the registry's sites at a date and the ledger's sums of the
 * year, each read in one statement and added up by district here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DistrictSummaryService {

    @Inject
    SiteStatus sites;

    @Inject
    EnergyLedger ledger;

    /** What is added up for one district. */
    private static final class Totals {
        long dataCenters;
        long racks;
        long reporting;
        BigDecimal facility;
        BigDecimal it;
    }

    /**
     * Every district, also those with nothing registered. Sites are counted by their status at {@code at} (the
     * latest status change effective on or before it), as the zero-carbon target counts them; energy is summed over
     * the year's reports (latest revisions) of every site, whatever its status.
     *
     * @param at the date the data centers are counted at: the year's end, or today within the current year
     */
    public List<DistrictSummary> summary(int year, LocalDate at) {
        Map<Long, Site> byId = new HashMap<>();
        Map<String, Totals> totals = new HashMap<>();
        for (Site site : sites.at(at)) {
            byId.put(site.id(), site);
            if (site.status() == DataCenterStatus.OPERATING || site.status() == DataCenterStatus.CONSOLIDATING) {
                Totals t = totals.computeIfAbsent(site.district(), d -> new Totals());
                t.dataCenters++;
                t.racks += site.racks();
            }
        }
        ledger.sums(YearMonth.of(year, 1), YearMonth.of(year, 12)).forEach((id, sums) -> {
            Site site = byId.get(id);
            if (site == null) {
                return; // registered after the sites were read
            }
            Totals t = totals.computeIfAbsent(site.district(), d -> new Totals());
            t.reporting++;
            t.facility = add(t.facility, sums.facilityKwh());
            t.it = add(t.it, sums.itKwh());
        });
        List<DistrictSummary> items = new ArrayList<>();
        for (District district : District.<District>listAll(Sort.by("code"))) {
            Totals t = totals.getOrDefault(district.code, new Totals());
            items.add(DistrictSummary.of(
                    district.code,
                    district.nameZh,
                    district.nameEn,
                    t.dataCenters,
                    t.racks,
                    t.reporting,
                    t.facility,
                    t.it));
        }
        return items;
    }

    private static BigDecimal add(BigDecimal total, BigDecimal value) {
        return total == null ? value : total.add(value);
    }
}
