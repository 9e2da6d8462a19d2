package io.dceff.dashboard.service;

import io.dceff.dashboard.ReportingGap;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.security.Actor;
import io.dceff.registry.Site;
import io.dceff.registry.service.SiteStatus;
import io.dceff.reporting.service.EnergyLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Missing monthly reports of the sites that owe them: the registry's running sites, the ledger's months reported,
 * a thousand sites at a time; the months owed are worked out in Java.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportingGapService {

    @Inject
    SiteStatus sites;

    @Inject
    EnergyLedger ledger;

    /**
     * The sites with at least one missing month in [from, to], most missing first, then by code. Sites that
     * report: OPERATING or CONSOLIDATING now, as the reminder job counts them, commissioned by the end of {@code to}.
     * An operator sees its own sites only; naming another operator is a 403.
     */
    public List<ReportingGap> gaps(YearMonth from, YearMonth to, String district, String operator, Actor actor) {
        if (operator != null) {
            actor.requireAccess(operator);
        }
        String scope = actor.restrictedTo().orElse(operator);
        List<ReportingGap> gaps = new ArrayList<>();
        for (List<Site> chunk : Jdbc.chunks(sites.running(to.atEndOfMonth(), district, scope))) {
            Map<Long, Set<YearMonth>> reported =
                    ledger.reportedMonths(chunk.stream().map(Site::id).toList(), from, to);
            for (Site site : chunk) {
                List<YearMonth> missing = ReportingGap.missing(
                        from, to, site.commissionedOn(), reported.getOrDefault(site.id(), Set.of()));
                if (!missing.isEmpty()) {
                    gaps.add(new ReportingGap(
                            site.code(),
                            site.name(),
                            site.operatorCode(),
                            site.district(),
                            site.status().name(),
                            ReportingGap.owed(from, to, site.commissionedOn()),
                            missing));
                }
            }
        }
        gaps.sort(Comparator.comparing((ReportingGap g) -> g.missing().size())
                .reversed()
                .thenComparing(ReportingGap::code));
        return gaps;
    }
}
