package io.dceff.closure.rest;

import io.dceff.closure.DecisionAction;
import io.dceff.closure.NewDecision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @NotNull @Schema(description = "CLOSE, MERGE (into receivingSite), CONVERT or RETIRE")
        DecisionAction action,

        @Schema(description = "code of the receiving data center; required for MERGE")
        String receivingSite,

        @Schema(description = "default today") LocalDate decidedOn,

        @Schema(description = "when the action should be done")
        LocalDate dueOn,

        @Schema(description = "when the action was done; the data center then leaves CONSOLIDATING")
        LocalDate completedOn,

        @Schema(
                description = "the assessment the decision acts on; it must list the site and be as of decidedOn or "
                        + "earlier. Default: the latest such assessment, if any")
        Long assessmentId,

        @Size(max = 1000) @Schema(description = "the reasons, kept with the decision")
        String note) {

    public NewDecision decision() {
        return new NewDecision(action, receivingSite, decidedOn, dueOn, completedOn, assessmentId, note);
    }
}
