package cn.studyflow.lecture;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.org.Scope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns and who reads them: everyone in the organising organisation's subtree (the campaign is for them),
 * and those who oversee that organisation from above. Anything else answers 404. Campaigns are published by the
 * organisation's publicity department ({@link #ORGANISER}), which also organises its rounds.
 */
@Service
@RequiredArgsConstructor
public class Campaigns {

    /** Who publishes campaigns and organises rounds at their organisation. */
    static final Role ORGANISER = Role.DEPT;

    static final int MAX_LEVELS = 5;
    static final int MAX_CRITERIA = 10;
    static final int MAX_QUOTA = 50;

    private final LectureMapper mapper;
    private final Scope scope;
    private final Clock clock;

    public List<Campaign> visible(CurrentUser user) {
        return mapper.selectCampaigns(user.getOrg().getPath(), user.seesSubtree());
    }

    public Campaign get(long id, CurrentUser user) {
        Campaign c = mapper.selectCampaign(id);
        if (c == null || !canSee(c, user)) {
            throw BusinessException.notFound();
        }
        return c;
    }

    boolean canSee(Campaign c, CurrentUser user) {
        return user.getOrg().getPath().startsWith(c.getOrgPath()) || scope.canSee(user, c.getOrgId());
    }

    public List<CampaignLevel> levels(long campaignId) {
        return mapper.selectLevels(campaignId);
    }

    public List<Criterion> criteria(long campaignId) {
        return mapper.selectCriteria(campaignId);
    }

    public boolean mayPublish(CurrentUser user) {
        return user.has(ORGANISER);
    }

    /** Publishes a campaign of the organiser's own organisation; its top level is that organisation's kind. */
    @Transactional
    public Campaign create(CurrentUser user, CampaignForm form) {
        if (!mayPublish(user)) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "lecture.error.notOrganiser");
        }
        Campaign c = new Campaign();
        c.setOrgId(user.getOrgId());
        c.setTitle(LectureInput.text(form.getTitle(), 200, "lecture.error.title"));
        if (form.getYear() == null || form.getYear() < 2000 || form.getYear() > 2100) {
            throw BusinessException.invalid("lecture.error.year");
        }
        c.setStudyYear(form.getYear());
        List<String> categories = Campaign.lines(form.getCategories());
        if (categories.isEmpty() || categories.size() > 20 || categories.stream().anyMatch(s -> s.length() > 100)) {
            throw BusinessException.invalid("lecture.error.categories");
        }
        c.setCategories(String.join("\n", categories));
        List<String> topics = Campaign.lines(form.getTopics());
        if (topics.size() > 30 || topics.stream().anyMatch(s -> s.length() > 200)) {
            throw BusinessException.invalid("lecture.error.topics");
        }
        c.setTopics(topics.isEmpty() ? null : String.join("\n", topics));
        List<CampaignForm.LevelRow> levels = form.getLevels() == null ? List.of()
            : form.getLevels().stream().filter(l -> l != null && l.getKind() != null).toList();
        checkLevels(levels, user.getOrg());
        List<CampaignForm.CriterionRow> criteria = form.getCriteria() == null ? List.of()
            : form.getCriteria().stream().filter(r -> r != null && r.getName() != null && !r.getName().isBlank()).toList();
        if (criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
            throw BusinessException.invalid("lecture.error.criteria", MAX_CRITERIA);
        }
        for (CampaignForm.CriterionRow r : criteria) {
            LectureInput.text(r.getName(), 100, "lecture.error.criterionName");
            if (r.getWeight() == null || r.getWeight() < 1 || r.getWeight() > 100) {
                throw BusinessException.invalid("lecture.error.weight", r.getName().strip());
            }
        }
        c.setCreatedBy(user.getPersonId());
        c.setCreatedAt(OffsetDateTime.now(clock));
        mapper.insertCampaign(c);
        for (int i = 0; i < levels.size(); i++) {
            mapper.insertLevel(new CampaignLevel(c.getId(), i, levels.get(i).getKind(), levels.get(i).getQuota()));
        }
        for (int i = 0; i < criteria.size(); i++) {
            mapper.insertCriterion(new Criterion(c.getId(), i, criteria.get(i).getName().strip(), criteria.get(i).getWeight()));
        }
        return mapper.selectCampaign(c.getId());
    }

    /** From the lowest level up, each kind once, the top one the organiser's own. */
    private static void checkLevels(List<CampaignForm.LevelRow> levels, Org org) {
        if (levels.isEmpty() || levels.size() > MAX_LEVELS) {
            throw BusinessException.invalid("lecture.error.levels", MAX_LEVELS);
        }
        Set<OrgKind> kinds = new HashSet<>();
        for (CampaignForm.LevelRow l : levels) {
            if (!kinds.add(l.getKind())) {
                throw BusinessException.invalid("lecture.error.levelTwice");
            }
            if (l.getQuota() == null || l.getQuota() < 1 || l.getQuota() > MAX_QUOTA) {
                throw BusinessException.invalid("lecture.error.quota", MAX_QUOTA);
            }
        }
        if (levels.get(levels.size() - 1).getKind() != org.getKind()) {
            throw BusinessException.invalid("lecture.error.topLevel");
        }
    }
}
