package io.dceff.registry.service;

import io.dceff.platform.audit.Audited;
import io.dceff.platform.jdbc.RetriedTransaction;
import io.dceff.platform.paging.Page;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Actor;
import io.dceff.registry.DataCenter;
import io.dceff.registry.DataCenterDetails;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.District;
import io.dceff.registry.OrganizationKind;
import io.dceff.registry.StatusChange;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Registering data centers, changing them and keeping their status history. */
@ApplicationScoped
@Transactional
public class DataCenterService {

    @Inject
    OrganizationService organizations;

    @Inject
    Clock clock;

    @Audited
    @RetriedTransaction
    public DataCenter create(DataCenterDetails details, Actor actor) {
        actor.requireAccess(details.operatorCode());
        checkReferences(details);
        if (DataCenter.findByCode(details.code()).isPresent()) {
            throw ProblemException.conflict("Data center " + details.code() + " already exists");
        }
        DataCenter dc = new DataCenter();
        dc.code = details.code();
        dc.createdAt = Instant.now(clock);
        apply(details, dc);
        dc.status = details.status() == null ? DataCenterStatus.OPERATING : details.status();
        dc.persist();
        record(
                dc,
                null,
                dc.status,
                dc.commissionedOn,
                actor,
                details.statusNote() == null ? "registered" : details.statusNote());
        return dc;
    }

    @Audited
    @RetriedTransaction
    public DataCenter update(String code, DataCenterDetails details, Actor actor) {
        if (!code.equals(details.code())) {
            throw ProblemException.invalid(
                    "code", "must match the code in the path (" + code + "); codes do not change");
        }
        DataCenter dc = require(code, actor);
        actor.requireAccess(details.operatorCode());
        checkReferences(details);
        apply(details, dc);
        if (details.status() != null && details.status() != dc.status) {
            transition(dc, details.status(), null, details.statusNote(), actor);
        }
        return dc;
    }

    /** Moves a data center to another status and records who, when and why; the history is never rewritten. */
    @Audited
    @RetriedTransaction
    public DataCenter changeStatus(
            String code, DataCenterStatus status, LocalDate effectiveOn, String note, Actor actor) {
        DataCenter dc = require(code, actor);
        if (status == dc.status) {
            throw ProblemException.conflict("Data center " + code + " is already " + status);
        }
        transition(dc, status, effectiveOn, note, actor);
        return dc;
    }

    /** The data center, if the actor may see it: 404 when it does not exist, 403 when it is another operator's. */
    @Transactional(TxType.SUPPORTS)
    public DataCenter require(String code, Actor actor) {
        DataCenter dc = DataCenter.findByCode(code).orElseThrow(() -> ProblemException.notFound("Data center", code));
        actor.requireAccess(dc.operatorCode);
        return dc;
    }

    /** Same as {@link #require}, holding a write lock on the row until the transaction ends. */
    public DataCenter requireForUpdate(String code, Actor actor) {
        DataCenter dc = DataCenter.<DataCenter>find("code", code)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Data center", code));
        actor.requireAccess(dc.operatorCode);
        return dc;
    }

    @Transactional(TxType.SUPPORTS)
    public Page<DataCenter> list(
            String district, String operator, DataCenterStatus status, Actor actor, PageRequest page) {
        String scope = actor.restrictedTo().orElse(null);
        if (scope != null && operator != null && !operator.equals(scope)) {
            throw ProblemException.forbidden("Operators see only their own data centers");
        }
        String owner = scope != null ? scope : operator;
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (district != null) {
            where.add("districtCode = :district");
            params.and("district", district);
        }
        if (owner != null) {
            where.add("operatorCode = :operator");
            params.and("operator", owner);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        PanacheQuery<DataCenter> query = where.isEmpty()
                ? DataCenter.findAll(Sort.by("code"))
                : DataCenter.find(String.join(" and ", where), Sort.by("code"), params);
        return new Page<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }

    @Transactional(TxType.SUPPORTS)
    public List<StatusChange> history(String code, Actor actor) {
        return StatusChange.historyOf(require(code, actor).id);
    }

    private void transition(DataCenter dc, DataCenterStatus to, LocalDate effectiveOn, String note, Actor actor) {
        DataCenterStatus from = dc.status;
        dc.status = to;
        dc.updatedAt = Instant.now(clock);
        record(dc, from, to, effectiveOn == null ? LocalDate.now(clock) : effectiveOn, actor, note);
    }

    private void record(
            DataCenter dc,
            DataCenterStatus from,
            DataCenterStatus to,
            LocalDate effectiveOn,
            Actor actor,
            String note) {
        StatusChange change = new StatusChange();
        change.dataCenterId = dc.id;
        change.fromStatus = from;
        change.toStatus = to;
        change.effectiveOn = effectiveOn;
        change.changedAt = Instant.now(clock);
        change.changedBy = actor.subject();
        change.note = note;
        change.persist();
    }

    private void checkReferences(DataCenterDetails details) {
        List<FieldError> errors = new ArrayList<>();
        if (District.findById(details.district()) == null) {
            errors.add(FieldError.of(
                    "district", "unknown district " + details.district() + " (see GET /api/v1/districts)"));
        }
        try {
            organizations.require(details.operatorCode(), OrganizationKind.OPERATOR, "operatorCode");
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (details.commissionedOn().getYear() < 1950) {
            errors.add(FieldError.of("commissionedOn", "must be 1950 or later"));
        }
        LocalDate certified = details.zeroCarbonCertifiedOn();
        if (certified != null) {
            if (Boolean.FALSE.equals(details.zeroCarbon())) {
                errors.add(FieldError.of(
                        "zeroCarbonCertifiedOn",
                        "only a zero-carbon data center has a certification " + "date (zeroCarbon is false)"));
            }
            if (certified.isAfter(LocalDate.now(clock))) {
                errors.add(FieldError.of("zeroCarbonCertifiedOn", "must not be in the future"));
            } else if (certified.getYear() < 1950) {
                errors.add(FieldError.of("zeroCarbonCertifiedOn", "must be 1950 or later"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * The zero-carbon certification the details leave, dated so that targets count it from that day on: the date
     * given (it implies zeroCarbon); for zeroCarbon true without a date, the date already stored, else today;
     * otherwise none.
     */
    private LocalDate certification(DataCenterDetails details, LocalDate stored) {
        if (details.zeroCarbonCertifiedOn() != null) {
            return details.zeroCarbonCertifiedOn();
        }
        if (Boolean.TRUE.equals(details.zeroCarbon())) {
            return stored != null ? stored : LocalDate.now(clock);
        }
        return null;
    }

    private void apply(DataCenterDetails details, DataCenter dc) {
        dc.name = details.name().trim();
        dc.operatorCode = details.operatorCode();
        dc.districtCode = details.district();
        dc.address = details.address();
        dc.racks = details.racks();
        dc.commissionedOn = details.commissionedOn();
        dc.designPue = details.designPue();
        dc.itCapacityKw = details.itCapacityKw();
        dc.coolingType = details.coolingType();
        dc.wasteHeatReuse = Objects.requireNonNullElse(details.wasteHeatReuse(), false);
        dc.zeroCarbonCertifiedOn = certification(details, dc.zeroCarbonCertifiedOn);
        dc.zeroCarbon = dc.zeroCarbonCertifiedOn != null;
        dc.updatedAt = Instant.now(clock);
    }
}
