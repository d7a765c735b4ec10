package cn.studyflow.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.org.CadreRank;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

@MapperTest
class CreditLedgerMapperTest {

    @Autowired CreditLedgerMapper ledger;
    @Autowired CreditRuleMapper rules;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    Org county;
    Org town;
    Org village;
    Person wang;
    Person li;

    @BeforeEach
    void tree() {
        county = Rows.org(orgs, "青州市委", null);
        town = Rows.org(orgs, "卞桥镇党委", county);
        village = Rows.org(orgs, "王坟镇党委", county);
        wang = Rows.person(people, town, "王建国", true, Role.LEADER);
        li = Rows.person(people, village, "李文华", true, Role.MEMBER);
    }

    private static CreditYearRow year(Person p, Org org, int year, String earned, String target) {
        return new CreditYearRow(p.getId(), year, org.getId(), CadreRank.SECTION, new BigDecimal(earned),
            new BigDecimal(target), OffsetDateTime.now());
    }

    private static CreditLine line(Person p, Org org, int year, String credits) {
        return new CreditLine(null, p.getId(), org.getId(), year, LocalDate.of(year, 3, 1), CreditFact.Kind.ATTENDANCE,
            "PRESENT", "SESSION", 7L, "学习贯彻全国两会精神", "/sessions/7", new BigDecimal(credits), null);
    }

    @Test
    void standingsOfAnOrganisationAndOfASubtreeJoinTheYearBefore() {
        ledger.insertYears(List.of(year(wang, town, 2024, "10", "12"), year(wang, town, 2025, "11.5", "12"),
            year(li, village, 2025, "12", "12")));

        List<CreditStanding> townOnly = ledger.selectStandings(town.getId(), null, 2025);
        assertThat(townOnly).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("王建国");
            assertThat(s.orgName()).isEqualTo("卞桥镇党委");
            assertThat(s.cadreRank()).isEqualTo(CadreRank.SECTION);
            assertThat(s.shortBy()).isEqualByComparingTo("0.5");
            assertThat(s.previousEarned()).isEqualByComparingTo("10");
            assertThat(s.retraining()).isTrue();
            assertThat(s.frozen()).isFalse();
        });
        assertThat(ledger.selectStandings(county.getId(), county.getPath(), 2025)).extracting(CreditStanding::name)
            .containsExactly("王建国", "李文华");
        assertThat(ledger.selectStandings(county.getId(), county.getPath(), 2025).get(1).isShort()).isFalse();
    }

    @Test
    void aRefreshDeletesNothingOfAFrozenOrganisationYear() {
        ledger.insertYears(List.of(year(wang, town, 2025, "3", "12"), year(li, village, 2025, "4", "12")));
        ledger.insertLines(List.of(line(wang, town, 2025, "1"), line(li, village, 2025, "2")));
        ledger.insertFrozen(village.getId(), 2025, wang.getId(), OffsetDateTime.now());

        assertThat(ledger.isFrozen(village.getId(), 2025)).isTrue();
        assertThat(ledger.selectFrozenPeople(List.of(wang.getId(), li.getId()), 2025)).containsExactly(li.getId());
        // a refresh of the town that now also counts li (moved there) leaves li's frozen row of the village alone
        assertThat(ledger.deleteLines(town.getId(), List.of(wang.getId(), li.getId()), 2025)).isEqualTo(1);
        assertThat(ledger.deleteYears(town.getId(), List.of(wang.getId(), li.getId()), 2025)).isEqualTo(1);
        assertThat(ledger.selectLines(li.getId(), 2025)).singleElement()
            .satisfies(l -> assertThat(l.getCredits()).isEqualByComparingTo("2"));
        assertThat(ledger.selectStandings(village.getId(), null, 2025)).singleElement()
            .satisfies(s -> assertThat(s.frozen()).isTrue());
        assertThat(ledger.deleteFrozen(village.getId(), 2025)).isEqualTo(1);
        assertThat(ledger.isFrozen(village.getId(), 2025)).isFalse();
    }

    @Test
    void aReminderIsClaimedOncePerPersonAndYear() {
        ledger.insertYears(List.of(year(wang, town, 2025, "3", "12"), year(li, village, 2025, "12", "12")));

        assertThat(ledger.selectShortUnreminded(2025)).extracting(CreditStanding::personId).contains(wang.getId())
            .doesNotContain(li.getId());
        ledger.insertReminder(wang.getId(), 2025, OffsetDateTime.now());
        assertThat(ledger.selectShortUnreminded(2025)).extracting(CreditStanding::personId).doesNotContain(wang.getId());
        assertThatThrownBy(() -> ledger.insertReminder(wang.getId(), 2025, OffsetDateTime.now()))
            .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void rulesAreReadBackWithTheirItemsAndOneADay() {
        CreditRuleMapper.RuleRow row = new CreditRuleMapper.RuleRow();
        row.effectiveFrom = LocalDate.of(2030, 7, 1);
        row.createdBy = wang.getId();
        row.createdAt = OffsetDateTime.now();
        rules.insertRule(row);
        rules.insertItem(row.id, CreditRule.SESSION, new BigDecimal("1.5"));
        rules.insertItem(row.id, "TARGET.SENIOR", new BigDecimal("20"));

        assertThat(rules.countByDay(LocalDate.of(2030, 7, 1))).isEqualTo(1);
        assertThat(rules.selectItems()).filteredOn(i -> i.ruleId() == row.id)
            .extracting(i -> i.item() + "=" + i.credits().stripTrailingZeros().toPlainString() + "@" + i.effectiveFrom())
            .containsExactly("SESSION=1.5@2030-07-01", "TARGET.SENIOR=20@2030-07-01");
        CreditRuleMapper.RuleRow again = new CreditRuleMapper.RuleRow();
        again.effectiveFrom = LocalDate.of(2030, 7, 1);
        again.createdBy = wang.getId();
        again.createdAt = OffsetDateTime.now();
        assertThatThrownBy(() -> rules.insertRule(again)).isInstanceOf(DuplicateKeyException.class);
    }
}
