package cn.studyflow.credits;

import cn.studyflow.common.Batches;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit ledger, materialised from what the features tell ({@link CreditSource}) under the rule in force on each
 * fact's day: never typed in. A refresh rewrites an organisation's year unless that year is frozen (closed on record),
 * so that a rule change or a late approval shows, and a closed year keeps its lines as they were at closing.
 */
@Service
@RequiredArgsConstructor
public class CreditLedger {

    private static final int BATCH = 500;

    private final CreditLedgerMapper mapper;
    private final CreditRules rules;
    private final List<CreditSource> sources;
    private final OrgService orgs;
    private final Clock clock;

    /** Rewrites the lines and year rows of the people of {@code orgId} for {@code year}; false when it is frozen. */
    @Transactional
    public boolean refresh(long orgId, int year) {
        if (mapper.isFrozen(orgId, year)) {
            return false;
        }
        List<Person> people = orgs.peopleOf(orgId);
        List<Long> ids = people.stream().map(Person::getId).toList();
        Set<Long> frozenElsewhere = ids.isEmpty() ? Set.of() : new HashSet<>(mapper.selectFrozenPeople(ids, year));
        mapper.deleteLines(orgId, ids, year);
        mapper.deleteYears(orgId, ids, year);
        CreditRules.RuleBook book = rules.book();
        List<CreditFact> facts = new ArrayList<>();
        sources.forEach(s -> facts.addAll(s.facts(CreditQuery.ofOrg(orgId, year))));
        List<CreditLine> lines = lines(facts, book, orgId, year).stream()
            .filter(l -> !frozenElsewhere.contains(l.getPersonId())).toList();
        Map<Long, BigDecimal> earned = new HashMap<>();
        lines.forEach(l -> earned.merge(l.getPersonId(), l.getCredits(), BigDecimal::add));
        CreditRule targets = book.forTargets(year);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CreditYearRow> rows = people.stream().filter(p -> !frozenElsewhere.contains(p.getId()))
            .filter(p -> p.isEnabled() || earned.containsKey(p.getId()))
            .map(p -> new CreditYearRow(p.getId(), year, orgId, p.getCadreRank(),
                earned.getOrDefault(p.getId(), BigDecimal.ZERO), targets.target(p.getCadreRank()), now))
            .toList();
        Batches.each(lines, BATCH, mapper::insertLines);
        Batches.each(rows, BATCH, mapper::insertYears);
        return true;
    }

    /** The credit lines facts earn, each under the rule in force on its day; what earns nothing makes no line. */
    static List<CreditLine> lines(List<CreditFact> facts, CreditRules.RuleBook book, long orgId, int year) {
        List<CreditLine> lines = new ArrayList<>();
        for (CreditFact f : facts) {
            CreditRule rule = book.at(f.day());
            BigDecimal credits = rule.credits(f, book.halfDayMinutes());
            if (credits.signum() > 0) {
                lines.add(new CreditLine(null, f.personId(), orgId, year, f.day(), f.kind(), f.detail(),
                    f.subject().type(), f.subject().id(), f.title(), f.link(), credits, rule.id()));
            }
        }
        return lines;
    }

    /** Freezes an organisation's year as it stands now (its year closed on record). */
    @Transactional
    public void freeze(long orgId, int year, long byPersonId) {
        refresh(orgId, year);
        if (!mapper.isFrozen(orgId, year)) {
            mapper.insertFrozen(orgId, year, byPersonId, OffsetDateTime.now(clock));
        }
    }

    /** Thaws a reopened year and brings it up to date at once. */
    @Transactional
    public void unfreeze(long orgId, int year) {
        mapper.deleteFrozen(orgId, year);
        refresh(orgId, year);
    }

    public boolean isFrozen(long orgId, int year) {
        return mapper.isFrozen(orgId, year);
    }
}
