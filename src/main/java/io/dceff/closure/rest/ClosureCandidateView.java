package io.dceff.closure.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dceff.closure.ClosureEvaluation;
import io.dceff.closure.ClosureStatus;
import io.dceff.closure.Criterion;
import io.dceff.closure.service.ClosureService.Item;
import io.dceff.platform.ConversionFactors;
import io.dceff.pue.Pue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One site of the closure answer with the evidence for each criterion (API.md, Closure candidates). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClosureCandidateView(DataCenterBrief dataCenter, ClosureStatus status, BigDecimal pue, int monthsOfData,
        int racks, int yearsInOperation, Criteria criteria, BigDecimal annualSavingKwh, BigDecimal annualSavingTce,
        BigDecimal annualSavingTco2, BigDecimal receivingPue, String receivingSite) {

    public record DataCenterBrief(String code, String name, String operatorCode, String district) {
    }

    public record Criteria(CriterionView pue, CriterionView racks, CriterionView age) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CriterionView(BigDecimal value, BigDecimal threshold, String comparison, Boolean met) {
        static CriterionView of(Criterion c, int scale) {
            return new CriterionView(c.value() == null ? null : c.value().setScale(scale, RoundingMode.HALF_UP),
                    c.threshold(), c.comparison(), c.met());
        }
    }

    public static ClosureCandidateView of(Item item, ConversionFactors factors) {
        ClosureEvaluation e = item.evaluation();
        var site = item.site();
        BigDecimal saving = e.annualSavingKwh();
        return new ClosureCandidateView(
                new DataCenterBrief(site.facts().code(), site.name(), site.operatorCode(), site.facts().district()),
                e.status(), Pue.display(e.windowPue()), site.facts().monthsOfData(), site.facts().racks(),
                e.yearsInOperation(),
                new Criteria(CriterionView.of(e.pue(), 3), CriterionView.of(e.racks(), 0), CriterionView.of(e.age(), 0)),
                saving == null ? null : saving.setScale(0, RoundingMode.HALF_UP),
                saving == null ? null : factors.toTce(saving).setScale(2, RoundingMode.HALF_UP),
                saving == null ? null : factors.toTco2(saving).setScale(2, RoundingMode.HALF_UP),
                saving == null ? null : Pue.display(item.receivingPue()), item.receivingSite());
    }
}
