package cn.studyflow.credits;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * A person's own record of a year (个人学习档案): their sessions and how they attended, what they chaired or spoke at,
 * their approved materials, their make-ups, and their credit lines with the total against their target.
 */
@Service
@RequiredArgsConstructor
public class PersonalRecord {

    private final CreditStandings standings;
    private final List<CreditSource> sources;
    private final OrgService orgs;

    /** The record, for someone who may read it (404 otherwise). */
    public View of(CurrentUser user, long personId, int year) {
        Person person = standings.readablePerson(user, personId);
        CreditStanding standing = standings.standingOf(person, year);
        List<CreditFact> facts = new ArrayList<>();
        sources.forEach(s -> facts.addAll(s.facts(CreditQuery.ofPerson(personId, year))));
        facts.sort(Comparator.comparing(CreditFact::day));
        List<CreditLine> lines = standings.lines(personId, year);
        BigDecimal total = lines.stream().map(CreditLine::getCredits).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new View(person.getId(), person.getDisplayName(), orgs.get(person.getOrgId()).getName(),
            person.getCadreRank().name(), year, standing, of(facts, CreditFact.Kind.ATTENDANCE),
            of(facts, CreditFact.Kind.LEAD), of(facts, CreditFact.Kind.MATERIAL), of(facts, CreditFact.Kind.MAKEUP),
            lines, total);
    }

    private static List<CreditFact> of(List<CreditFact> facts, CreditFact.Kind kind) {
        return facts.stream().filter(f -> f.kind() == kind).toList();
    }

    /** What the record page, its Word document and the API show. */
    public record View(long personId, String name, String orgName, String cadreRank, int year, CreditStanding standing,
                       List<CreditFact> sessions, List<CreditFact> led, List<CreditFact> materials,
                       List<CreditFact> makeups, List<CreditLine> lines, BigDecimal total) {
    }
}
