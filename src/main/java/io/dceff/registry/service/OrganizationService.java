package io.dceff.registry.service;

import io.dceff.platform.audit.Audited;
import io.dceff.platform.jdbc.RetriedTransaction;
import io.dceff.platform.paging.Page;
import io.dceff.platform.paging.PageRequest;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Actor;
import io.dceff.registry.CreditCode;
import io.dceff.registry.Organization;
import io.dceff.registry.OrganizationDetails;
import io.dceff.registry.OrganizationKind;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class OrganizationService {

    @Inject
    Clock clock;

    @Audited
    @RetriedTransaction
    public Organization create(OrganizationDetails details, Actor actor) {
        String creditCode = details.creditCode().trim().toUpperCase(Locale.ROOT);
        String problem = CreditCode.problem(creditCode);
        if (problem != null) {
            throw ProblemException.invalid("creditCode", problem);
        }
        if (Organization.findByCode(details.code()).isPresent()) {
            throw ProblemException.conflict("Organization " + details.code() + " already exists");
        }
        if (Organization.count("creditCode", creditCode) > 0) {
            throw ProblemException.conflict("An organization with credit code " + creditCode + " already exists");
        }
        Organization org = new Organization();
        org.code = details.code();
        org.name = details.name().trim();
        org.kind = details.kind();
        org.creditCode = creditCode;
        org.createdBy = actor.subject();
        org.createdAt = Instant.now(clock);
        org.persist();
        return org;
    }

    @Transactional(TxType.SUPPORTS)
    public Organization get(String code) {
        return Organization.findByCode(code).orElseThrow(() -> ProblemException.notFound("Organization", code));
    }

    @Transactional(TxType.SUPPORTS)
    public Page<Organization> list(OrganizationKind kind, PageRequest page) {
        var query =
                kind == null ? Organization.findAll(Sort.by("code")) : Organization.find("kind", Sort.by("code"), kind);
        return new Page<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }

    /** The codes of every organization of a kind. */
    @Transactional(TxType.SUPPORTS)
    public Set<String> codes(OrganizationKind kind) {
        return Organization.<Organization>list("kind", kind).stream()
                .map(o -> o.code)
                .collect(Collectors.toSet());
    }

    /** The organization that must exist and be of the given kind, or a 400 on {@code field}. */
    @Transactional(TxType.SUPPORTS)
    public Organization require(String code, OrganizationKind kind, String field) {
        Organization org = Organization.findByCode(code)
                .orElseThrow(() -> ProblemException.invalid(field, "organization " + code + " does not exist"));
        if (org.kind != kind) {
            throw ProblemException.invalid(
                    field, "organization " + code + " is not a " + kind.name().toLowerCase());
        }
        return org;
    }
}
