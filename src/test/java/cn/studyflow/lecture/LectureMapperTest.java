package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

@MapperTest
class LectureMapperTest {

    @Autowired LectureMapper mapper;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    Org city;
    Org county;
    Org town;
    Org otherCity;
    Person lecturer;
    Campaign campaign;

    @BeforeEach
    void tree() {
        city = Rows.org(orgs, "潍坊市委", null);
        county = Rows.org(orgs, "青州市委", city);
        town = Rows.org(orgs, "卞桥镇党委", county);
        otherCity = Rows.org(orgs, "淄博市委", null);
        lecturer = Rows.person(people, town, "孙玉兰", true, Role.MEMBER);
        campaign = campaign(county, 2027);
    }

    @Test
    void campaignsAreThoseAboveOrAtOnesOrganisationAndBelowItForThoseWhoOversee() {
        Campaign cityCampaign = campaign(city, 2027);
        Campaign townCampaign = campaign(town, 2026);
        campaign(otherCity, 2027);

        assertThat(mapper.selectCampaigns(town.getPath(), false)).extracting(Campaign::getId)
            .containsExactlyInAnyOrder(campaign.getId(), cityCampaign.getId(), townCampaign.getId());
        assertThat(mapper.selectCampaigns(county.getPath(), false)).extracting(Campaign::getId)
            .containsExactlyInAnyOrder(campaign.getId(), cityCampaign.getId());
        assertThat(mapper.selectCampaigns(county.getPath(), true)).extracting(Campaign::getId)
            .containsExactlyInAnyOrder(campaign.getId(), cityCampaign.getId(), townCampaign.getId());
    }

    @Test
    void theLibraryHoldsSelectedLecturesOfCampaignsAtOrAboveTheReaderFoundByEachFilter() {
        LectureEntry selected = entry("田间地头话振兴", "乡味党课", "乡村振兴");
        mapper.updateEntrySelected(selected.getId(), 1, true);
        LectureEntry notSelected = entry("车间里的初心", "车间党课", null);

        LibraryFilter f = new LibraryFilter();
        f.readBy(town.getPath());
        assertThat(mapper.selectLibrary(f)).extracting(LectureEntry::getId).containsExactly(selected.getId());
        f.setTitle("振兴");
        f.setCategory("乡味党课");
        f.setTopic("乡村振兴");
        f.setLevel(1);
        f.setYear(2027);
        assertThat(mapper.selectLibrary(f)).extracting(LectureEntry::getTitle).containsExactly("田间地头话振兴");
        f.setYear(2026);
        assertThat(mapper.selectLibrary(f)).isEmpty();
        f.setYear(null);
        f.setTitle("100%");
        assertThat(mapper.selectLibrary(f)).as("LIKE's wildcards are text").isEmpty();

        LibraryFilter outside = new LibraryFilter();
        outside.readBy(otherCity.getPath());
        assertThat(mapper.selectLibrary(outside)).isEmpty();
        assertThat(notSelected.getSelectedLevel()).isNull();
    }

    @Test
    void anEntryIsInOneRoundOfALevelAtMost() {
        LectureEntry e = entry("只能一次", "乡味党课", null);
        LectureRound a = round(town, 0);
        LectureRound b = round(county, 0);
        mapper.insertRoundEntry(roundEntry(a, e));
        assertThat(mapper.selectRoundsOfEntry(e.getId())).extracting(RoundEntry::getRoundId).containsExactly(a.getId());

        // the last statement of the test: PostgreSQL ends the transaction at the refusal
        assertThatThrownBy(() -> mapper.insertRoundEntry(roundEntry(b, e))).isInstanceOf(DuplicateKeyException.class);
    }

    private Campaign campaign(Org org, int year) {
        Campaign c = new Campaign();
        c.setOrgId(org.getId());
        c.setStudyYear(year);
        c.setTitle(year + "年“我来讲党课”");
        c.setCategories("乡味党课\n车间党课");
        c.setCreatedBy(Rows.person(people, org, "宣传部", true, Role.DEPT).getId());
        c.setCreatedAt(OffsetDateTime.now());
        mapper.insertCampaign(c);
        mapper.insertLevel(new CampaignLevel(c.getId(), 0, OrgKind.TOWN, 1));
        mapper.insertLevel(new CampaignLevel(c.getId(), 1, org.getKind() == null ? OrgKind.COUNTY : org.getKind(), 1));
        return mapper.selectCampaign(c.getId());
    }

    private LectureEntry entry(String title, String category, String topic) {
        LectureEntry e = new LectureEntry();
        e.setCampaignId(campaign.getId());
        e.setOrgId(town.getId());
        e.setLecturerId(lecturer.getId());
        e.setEnteredBy(lecturer.getId());
        e.setNomination(Nomination.SELF);
        e.setTitle(title);
        e.setCategory(category);
        e.setTopic(topic);
        e.setHomeDate(LocalDate.of(2027, 3, 1));
        e.setHomeAudience("全体党员");
        e.setStatus(EntryStatus.ENTERED);
        e.setCreatedAt(OffsetDateTime.now());
        mapper.insertEntry(e);
        return mapper.selectEntry(e.getId());
    }

    private LectureRound round(Org org, int level) {
        LectureRound r = new LectureRound();
        r.setCampaignId(campaign.getId());
        r.setLevelNo(level);
        r.setOrgId(org.getId());
        r.setEntriesCloseAt(OffsetDateTime.now().plusDays(3));
        r.setDeadline(OffsetDateTime.now().plusDays(9));
        r.setStatus(RoundStatus.COLLECTING);
        r.setCreatedBy(lecturer.getId());
        r.setCreatedAt(OffsetDateTime.now());
        mapper.insertRound(r);
        return r;
    }

    private static RoundEntry roundEntry(LectureRound r, LectureEntry e) {
        RoundEntry re = new RoundEntry();
        re.setRoundId(r.getId());
        re.setEntryId(e.getId());
        re.setCampaignId(r.getCampaignId());
        re.setLevelNo(r.getLevelNo());
        return re;
    }
}
