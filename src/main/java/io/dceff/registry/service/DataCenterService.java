package io.dceff.registry.service;

import io.dceff.platform.jdbc.RetriedTransaction;
import io.dceff.platform.audit.Audited;

import io.dceff.platform.paging.Page;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Actor;
import io.dceff.registry.DataCenter;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.District;
import io.dceff.registry.OrganizationKind;
import io.dceff.registry.StatusChange;
import io.dceff.registry.rest.DataCenterRequest;
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
    public DataCenter create(DataCenterRequest request, Actor actor) {
        actor.requireAccess(request.operatorCode());
        checkReferences(request);
        if (DataCenter.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("Data center " + request.code() + " already exists");
        }
        DataCenter dc = new DataCenter();
        dc.code = request.code();
        dc.createdAt = Instant.now(clock);
        apply(request, dc);
        dc.status = request.status() == null ? DataCenterStatus.OPERATING : request.status();
        dc.persist();
        record(dc, null, dc.status, dc.commissionedOn, actor,
                request.statusNote() == null ? "registered" : request.statusNote());
        return dc;
    }

    @Audited
    @RetriedTransaction
    public DataCenter update(String code, DataCenterRequest request, Actor actor) {
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "must match the code in the path (" + code + "); codes do not change");
        }
        DataCenter dc = require(code, actor);
        actor.requireAccess(request.operatorCode());
        checkReferences(request);
        apply(request, dc);
        if (request.status() != null && request.status() != dc.status) {
            transition(dc, request.status(), null, request.statusNote(), actor);
        }
        return dc;
    }

    /** Moves a data center to another status and records who, when and why; the history is never rewritten. */
    @Audited
    @RetriedTransaction
    public DataCenter changeStatus(String code, DataCenterStatus status, LocalDate effectiveOn, String note, Actor actor) {
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
        DataCenter dc = DataCenter.<DataCenter>find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Data center", code));
        actor.requireAccess(dc.operatorCode);
        return dc;
    }

    @Transactional(TxType.SUPPORTS)
    public Page<DataCenter> list(String district, String operator, DataCenterStatus status, Actor actor,
            PageRequest page) {
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

    private void record(DataCenter dc, DataCenterStatus from, DataCenterStatus to, LocalDate effectiveOn, Actor actor,
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

    private void checkReferences(DataCenterRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (District.findById(request.district()) == null) {
            errors.add(FieldError.of("district", "unknown district " + request.district()
                    + " (see GET /api/v1/districts)"));
        }
        try {
            organizations.require(request.operatorCode(), OrganizationKind.OPERATOR, "operatorCode");
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (request.commissionedOn().getYear() < 1950) {
            errors.add(FieldError.of("commissionedOn", "must be 1950 or later"));
        }
        LocalDate certified = request.zeroCarbonCertifiedOn();
        if (certified != null) {
            if (Boolean.FALSE.equals(request.zeroCarbon())) {
                errors.add(FieldError.of("zeroCarbonCertifiedOn", "only a zero-carbon data center has a certification "
                        + "date (zeroCarbon is false)"));
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
     * The zero-carbon certification a request leaves, dated so that targets count it from that day on: the date
     * given (it implies zeroCarbon); for zeroCarbon true without a date, the date already stored, else today;
     * otherwise none.
     */
    private LocalDate certification(DataCenterRequest request, LocalDate stored) {
        if (request.zeroCarbonCertifiedOn() != null) {
            return request.zeroCarbonCertifiedOn();
        }
        if (Boolean.TRUE.equals(request.zeroCarbon())) {
            return stored != null ? stored : LocalDate.now(clock);
        }
        return null;
    }

    private void apply(DataCenterRequest request, DataCenter dc) {
        dc.name = request.name().trim();
        dc.operatorCode = request.operatorCode();
        dc.districtCode = request.district();
        dc.address = request.address();
        dc.racks = request.racks();
        dc.commissionedOn = request.commissionedOn();
        dc.designPue = request.designPue();
        dc.itCapacityKw = request.itCapacityKw();
        dc.coolingType = request.coolingType();
        dc.wasteHeatReuse = Objects.requireNonNullElse(request.wasteHeatReuse(), false);
        dc.zeroCarbonCertifiedOn = certification(request, dc.zeroCarbonCertifiedOn);
        dc.zeroCarbon = dc.zeroCarbonCertifiedOn != null;
        dc.updatedAt = Instant.now(clock);
    }
}
