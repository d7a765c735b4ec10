package cn.studyflow.lecture;

import cn.studyflow.org.OrgKind;
import java.util.ArrayList;
import java.util.List;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/** What an organiser fills to publish a campaign; empty rows of levels and criteria are left out. */
@Getter
@Setter
@NoArgsConstructor
public class CampaignForm {

    private String title;
    private Integer year;
    private String categories;
    private String topics;
    private List<LevelRow> levels = new ArrayList<>();
    private List<CriterionRow> criteria = new ArrayList<>();

    @Getter
    @Setter
    @NoArgsConstructor
    @AllArgsConstructor
    public static class LevelRow {
        private OrgKind kind;
        private Integer quota;
    }

    @Getter
    @Setter
    @NoArgsConstructor
    @AllArgsConstructor
    public static class CriterionRow {
        private String name;
        private Integer weight;
    }

    /** A blank form with room for four levels and five criteria, the usual ones filled in. */
    static CampaignForm blank(int year) {
        CampaignForm f = new CampaignForm();
        f.setYear(year);
        f.setCategories("乡味党课\n车间党课\n情景党课\n行走党课");
        f.levels.add(new LevelRow(OrgKind.TOWN, 2));
        f.levels.add(new LevelRow(OrgKind.COUNTY, 2));
        f.levels.add(new LevelRow(OrgKind.CITY, 1));
        f.levels.add(new LevelRow());
        f.criteria.add(new CriterionRow("内容", 40));
        f.criteria.add(new CriterionRow("讲授", 30));
        f.criteria.add(new CriterionRow("效果", 30));
        f.criteria.add(new CriterionRow());
        f.criteria.add(new CriterionRow());
        return f;
    }
}
