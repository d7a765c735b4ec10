package cn.studyflow.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MapperTest
class OrgMapperTest {

    @Autowired OrgMapper orgs;

    @Test
    void aSubtreeIsTheOrganisationAndEverythingBelowItInTreeOrderAndNothingBesideIt() {
        Org city = Rows.org(orgs, "潍坊市委", null);
        Org county = Rows.org(orgs, "青州市委", city);
        Org town = Rows.org(orgs, "卞桥镇党委", county);
        Org sibling = Rows.org(orgs, "王坟镇党委", county);
        Org otherCity = Rows.org(orgs, "淄博市委", null);
        Org otherTown = Rows.org(orgs, "淄川区委", otherCity);

        assertThat(orgs.selectSubtree(county.getPath())).extracting(Org::getId)
            .as("ordered by path: the county before its towns").startsWith(county.getId())
            .containsExactlyInAnyOrder(county.getId(), town.getId(), sibling.getId());
        assertThat(orgs.selectSubtree(town.getPath())).extracting(Org::getName).containsExactly("卞桥镇党委");
        assertThat(orgs.selectSubtree(city.getPath())).extracting(Org::getId)
            .startsWith(city.getId(), county.getId())
            .containsExactlyInAnyOrder(city.getId(), county.getId(), town.getId(), sibling.getId());
    }

    @Test
    void organisationsAreReadByIdsWithTheirKindParentAndPath() {
        Org city = Rows.org(orgs, "潍坊市委", null);
        Org town = Rows.org(orgs, "卞桥镇党委", city);
        Rows.org(orgs, "王坟镇党委", city);

        assertThat(orgs.selectByIds(List.of(city.getId(), town.getId()))).extracting(Org::getName)
            .containsExactlyInAnyOrder("潍坊市委", "卞桥镇党委");
        Org read = orgs.selectById(town.getId());
        assertThat(read.getParentId()).isEqualTo(city.getId());
        assertThat(read.getKind()).isEqualTo(OrgKind.TOWN);
        assertThat(read.getPath()).isEqualTo("/" + city.getId() + "/" + town.getId() + "/");
        assertThat(read.getCode()).isEqualTo(town.getCode());
        assertThat(read.getCreatedAt()).isNotNull();
    }

    @Test
    void allOrganisationsAreListedInTreeOrderAndCounted() {
        int before = orgs.count();
        Org city = Rows.org(orgs, "潍坊市委", null);
        Org county = Rows.org(orgs, "青州市委", city);
        Org otherCity = Rows.org(orgs, "淄博市委", null);
        Org town = Rows.org(orgs, "卞桥镇党委", county);

        assertThat(orgs.count()).isEqualTo(before + 4);
        assertThat(orgs.selectAll()).extracting(Org::getId)
            .as("each organisation comes before those below it").containsSubsequence(city.getId(), county.getId(), town.getId())
            .contains(otherCity.getId());
    }
}
