package cn.studyflow.status;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.support.Rows;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tree of the status mapper tests, a county over two towns and another county beside it, with the fixture
 * that writes journal rows for them and the scopes of a view at {@link #NOW}.
 */
abstract class JournalTree {

    static final OffsetDateTime NOW = StatusFixture.at("2031-06-15T12:00");

    @Autowired OrgMapper orgs;
    @Autowired JdbcTemplate jdbc;

    StatusFixture fx;
    Org county;
    Org town;
    Org sibling;
    Org otherCounty;

    @BeforeEach
    void tree() {
        fx = new StatusFixture(jdbc, null);
        county = Rows.org(orgs, "青州市委", null);
        town = Rows.org(orgs, "卞桥镇党委", county);
        sibling = Rows.org(orgs, "王坟镇党委", county);
        otherCounty = Rows.org(orgs, "临朐县委", null);
    }

    /** A view of {@code org}'s subtree by someone of it. */
    StatusScope subtree(Org org) {
        return new StatusScope(org.getId(), org.getPath() + "%", org.getPath() + "%", NOW);
    }

    /** A view of {@code org} alone. */
    StatusScope only(Org org) {
        return new StatusScope(org.getId(), null, null, NOW);
    }
}
