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
import java.util.AbstractList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One site of the closure answer with the evidence for each criterion (API.md, Closure candidates). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClosureCandidateView(
        DataCenterBrief dataCenter,
        ClosureStatus status,

        @Schema(nullable = true, description = "window PUE; absent without reports")
        BigDecimal pue,

        int monthsOfData,
        int racks,
        int yearsInOperation,
        Criteria criteria,

        @Schema(nullable = true, description = "absent without reports")
        BigDecimal annualSavingKwh,

        @Schema(nullable = true) BigDecimal annualSavingTce,
        @Schema(nullable = true) BigDecimal annualSavingTco2,
        @Schema(nullable = true) BigDecimal receivingPue,

        @Schema(nullable = true, description = "the receiving site of a recorded merge")
        String receivingSite) {

    public record DataCenterBrief(String code, String name, String operatorCode, String district) {}

    @Schema(name = "ClosureCriteria")
    public record Criteria(CriterionView pue, CriterionView racks, CriterionView age) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CriterionView(
            @Schema(nullable = true, description = "null when unknown (no reports)")
            BigDecimal value,

            BigDecimal threshold,
            String comparison,

            @Schema(nullable = true, description = "null when unknown (no reports)")
            Boolean met) {
        static CriterionView of(Criterion c, int scale) {
            return new CriterionView(
                    c.value() == null ? null : c.value().setScale(scale, RoundingMode.HALF_UP),
                    c.threshold(),
                    c.comparison(),
                    c.met());
        }
    }

    /**
     * The views of these items, each made when it is read: a CSV of every site is written one row at a time, without
     * a second list of the sites.
     */
    public static List<ClosureCandidateView> of(List<Item> items, ConversionFactors factors) {
        return new AbstractList<>() {
            @Override
            public ClosureCandidateView get(int index) {
                return of(items.get(index), factors);
            }

            @Override
            public int size() {
                return items.size();
            }
        };
    }

    public static ClosureCandidateView of(Item item, ConversionFactors factors) {
        ClosureEvaluation e = item.evaluation();
        var site = item.site();
        BigDecimal saving = e.annualSavingKwh();
        return new ClosureCandidateView(
                new DataCenterBrief(
                        site.facts().code(),
                        site.name(),
                        site.operatorCode(),
                        site.facts().district()),
                e.status(),
                Pue.display(e.windowPue()),
                site.facts().monthsOfData(),
                site.facts().racks(),
                e.yearsInOperation(),
                new Criteria(
                        CriterionView.of(e.pue(), 3), CriterionView.of(e.racks(), 0), CriterionView.of(e.age(), 0)),
                saving == null ? null : saving.setScale(0, RoundingMode.HALF_UP),
                saving == null ? null : factors.toTce(saving).setScale(2, RoundingMode.HALF_UP),
                saving == null ? null : factors.toTco2(saving).setScale(2, RoundingMode.HALF_UP),
                saving == null ? null : Pue.display(item.receivingPue()),
                item.receivingSite());
    }
}
