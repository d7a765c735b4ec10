package cn.studyflow.credits;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonalScope;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Credit standings: who earned what against their target, who is short and by how much, who is to be retrained
 * (调训). The unscoped reads ({@link #ofOrg}, {@link #lines(long, int)}) are the public read of the ledger for the
 * archive, whose callers check scope; the others check it here: a member their own record, the secretary, leader
 * and deputy their organisation, those who oversee from above their subtree; anything else is 404.
 */
@Service
@RequiredArgsConstructor
public class CreditStandings {

    private static final Logger log = LoggerFactory.getLogger(CreditStandings.class);
    static final PersonalScope KEEPERS = PersonalScope.keptBy(Role.SECRETARY, Role.LEADER, Role.DEPUTY);
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private final CreditLedgerMapper mapper;
    private final CreditLedger ledger;
    private final OrgService orgs;
    private final Scope scope;
    private final Clock clock;

    /** One row per person of the organisation's year as the ledger holds it (name, rank, earned, target, short by, 调训). */
    public List<CreditStanding> ofOrg(long orgId, int year) {
        return mapper.selectStandings(orgId, null, year);
    }

    /** One person's credit lines of a year, each with where it came from. */
    public List<CreditLine> lines(long personId, int year) {
        return mapper.selectLines(personId, year);
    }

    /** The standings of one organisation, or of its subtree, for someone allowed to read them; refreshed first. */
    public List<CreditStanding> standings(CurrentUser user, long orgId, int year, boolean subtree) {
        Org org = readableOrg(user, orgId, subtree);
        checkYear(year);
        if (!subtree) {
            refreshQuietly(orgId, year - 1);
            refreshQuietly(orgId, year);
            return ofOrg(orgId, year);
        }
        return mapper.selectStandings(orgId, org.getPath(), year);
    }

    /** The organisation if this person may read its standings (and its subtree's, when asked); 404 otherwise. */
    Org readableOrg(CurrentUser user, long orgId, boolean subtree) {
        boolean keeper = !subtree && user.getOrgId() == orgId && KEEPERS.keeps(user);
        boolean above = user.seesSubtree() && scope.canSee(user, orgId);
        if (!keeper && !above) {
            throw BusinessException.notFound();
        }
        return orgs.get(orgId);
    }

    /** Whether this person may read the standings of their own organisation at all. */
    public boolean readsStandings(CurrentUser user) {
        return KEEPERS.keeps(user) || user.seesSubtree();
    }

    /** The person whose record this is, if the reader may read it; 404 otherwise (no such person either). */
    Person readablePerson(CurrentUser user, long personId) {
        Person person = orgs.person(personId);
        if (person == null || !KEEPERS.canSee(user, personId, person.getOrgId(), scope)) {
            throw BusinessException.notFound();
        }
        return person;
    }

    /** The person's row of the year after an on-demand refresh of their organisation; null when they have none. */
    CreditStanding standingOf(Person person, int year) {
        checkYear(year);
        refreshQuietly(person.getOrgId(), year - 1);
        refreshQuietly(person.getOrgId(), year);
        return mapper.selectStandings(person.getOrgId(), null, year).stream()
            .filter(s -> s.personId() == person.getId()).findFirst().orElse(null);
    }

    int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw BusinessException.invalid("credits.badYear", MIN_YEAR, MAX_YEAR);
        }
    }

    /**
     * Brings an open year up to date before it is shown. Two readers refreshing the same organisation at once race on
     * the rows' keys; the loser's figures are the winner's, so the loss is only logged.
     */
    void refreshQuietly(long orgId, int year) {
        if (year < MIN_YEAR) {
            return;
        }
        try {
            ledger.refresh(orgId, year);
        } catch (DataAccessException e) {
            log.info("Credits of organisation {} in {} were refreshed by another request at the same time", orgId, year);
        }
    }
}
