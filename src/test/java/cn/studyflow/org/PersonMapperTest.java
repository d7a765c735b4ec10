package cn.studyflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MapperTest
class PersonMapperTest {

    @Autowired PersonMapper people;
    @Autowired OrgMapper orgs;

    @Test
    void holdersOfARoleAreTheEnabledPeopleOfThatOrganisationWithAllTheirRoles() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Org sibling = Rows.org(orgs, "王坟镇党委", null);
        Person both = Rows.person(people, town, "王建国", true, Role.PUBLICITY, Role.MEMBER);
        Person only = Rows.person(people, town, "李文华", true, Role.PUBLICITY);
        Rows.person(people, town, "张海燕", false, Role.PUBLICITY);
        Rows.person(people, town, "刘志强", true, Role.SECRETARY);
        Rows.person(people, sibling, "陈丽娟", true, Role.PUBLICITY);

        assertThat(people.selectByOrgAndRole(town.getId(), Role.PUBLICITY))
            .extracting(Person::getId).containsExactly(both.getId(), only.getId());
        assertThat(people.selectByOrgAndRole(town.getId(), Role.PUBLICITY).get(0).getRoles())
            .containsExactlyInAnyOrder(Role.PUBLICITY, Role.MEMBER);
        assertThat(people.selectByOrgAndRole(town.getId(), Role.LEADER)).isEmpty();
    }

    @Test
    void aCadreRankIsKeptAndChangedWithTheDetails() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Person person = Rows.person(people, town, "王建国", true, Role.LEADER);
        assertThat(people.selectById(person.getId()).getCadreRank()).isEqualTo(CadreRank.OTHER);

        person.setCadreRank(CadreRank.SENIOR);
        people.updateDetails(person);

        assertThat(people.selectById(person.getId()).getCadreRank()).isEqualTo(CadreRank.SENIOR);
        assertThat(people.selectAccount(person.getId()).getPerson().getCadreRank()).isEqualTo(CadreRank.SENIOR);
    }

    @Test
    void aPersonIsReadWithTheirRolesByUsernameAndById() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Person person = Rows.person(people, town, "王建国", true, Role.LEADER, Role.MEMBER);

        Person byName = people.selectByUsername(person.getUsername());
        assertThat(byName.getId()).isEqualTo(person.getId());
        assertThat(byName.getOrgId()).isEqualTo(town.getId());
        assertThat(byName.getRoles()).containsExactlyInAnyOrder(Role.LEADER, Role.MEMBER);
        assertThat(people.selectById(person.getId()).getDisplayName()).isEqualTo("王建国");
        assertThat(people.selectByUsername("nobody")).isNull();
        assertThat(people.selectByOrg(town.getId())).singleElement()
            .satisfies(p -> assertThat(p.getRoles()).hasSize(2));
    }

    @Test
    void holdersOfARoleAreFoundInEveryOrganisationButOnlyWhenEnabled() {
        Org city = Rows.org(orgs, "潍坊市委", null);
        Org town = Rows.org(orgs, "卞桥镇党委", city);
        Person cityAdmin = Rows.person(people, city, "李管理", true, Role.ADMIN);
        Person townAdmin = Rows.person(people, town, "张管理", true, Role.ADMIN, Role.MEMBER);
        Rows.person(people, town, "王停用", false, Role.ADMIN);
        Rows.person(people, town, "赵成员", true, Role.MEMBER);

        assertThat(people.selectByRole(Role.ADMIN)).extracting(Person::getId)
            .containsExactly(cityAdmin.getId(), townAdmin.getId());
    }

    @Test
    void namesThatMoreThanOnePersonGoesByAreFoundInOneQuery() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        Org sibling = Rows.org(orgs, "王坟镇党委", null);
        Rows.person(people, town, "王建国", true, Role.LEADER);
        Rows.person(people, sibling, "王建国", false, Role.MEMBER);
        Rows.person(people, town, "李文华", true, Role.MEMBER);

        assertThat(people.selectSharedDisplayNames(java.util.List.of("王建国", "李文华", "无此人")))
            .containsExactly("王建国");
    }
}
