package cn.studyflow.lecture;

import cn.studyflow.org.OrgKind;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/** One level of a campaign, from 0 at the bottom: rounds there are held by organisations of this kind. */
@Getter
@Setter
@NoArgsConstructor
@AllArgsConstructor
public class CampaignLevel {

    private Long campaignId;
    private int levelNo;
    private OrgKind orgKind;
    /** How many entries a round of this level sends up (or names outstanding, at the top). */
    private int quota;
}
