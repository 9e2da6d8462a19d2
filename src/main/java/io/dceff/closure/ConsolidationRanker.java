package io.dceff.closure;

import io.dceff.pue.Pue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Receiving sites for a candidate (DESIGN.md, Consolidation options): operating, not candidates, window
 * PUE ≤ receivingMaxPue, spare racks (racks − latest racks in use) ≥ the candidate's racks in use (its
 * racks when unknown); same district first, then larger saving, then code.
 */
public final class ConsolidationRanker {

    private final ClosureThresholds t;
    private final ClosureRule rule;

    public ConsolidationRanker(ClosureThresholds thresholds) {
        this.t = thresholds;
        this.rule = new ClosureRule(thresholds);
    }

    /** @param operatingSites sites operating at asOf that are not candidates */
    public List<ConsolidationOption> rank(SiteFacts candidate, List<SiteFacts> operatingSites, LocalDate asOf) {
        int load = candidate.latestRacksInUse() == null ? candidate.racks() : candidate.latestRacksInUse();
        List<ConsolidationOption> options = new ArrayList<>();
        for (SiteFacts site : operatingSites) {
            if (site.code().equals(candidate.code()) || site.monthsOfData() == 0 || site.latestRacksInUse() == null) {
                continue;
            }
            if (rule.evaluate(site, asOf).status() == ClosureStatus.CANDIDATE) {
                continue;
            }
            BigDecimal pue = Pue.of(site.windowFacilityKwh(), site.windowItKwh());
            int spare = site.racks() - site.latestRacksInUse();
            if (pue.compareTo(t.receivingMaxPue()) > 0 || spare < load) {
                continue;
            }
            BigDecimal saving = rule.annualSavingKwh(candidate, pue);
            options.add(new ConsolidationOption(
                    site.code(),
                    site.district(),
                    spare,
                    Pue.display(pue),
                    saving == null ? null : saving.setScale(0, RoundingMode.HALF_UP),
                    site.district().equals(candidate.district())));
        }
        options.sort(Comparator.comparing(ConsolidationOption::sameDistrict)
                .reversed()
                .thenComparing(ConsolidationOption::savingKwh, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ConsolidationOption::code));
        return options;
    }
}
