package cn.studyflow.lecture;

import java.util.List;

/** Keeping a computed ranking on the round's entries, and the quota the round's level sends up. */
final class LectureRanking {

    private LectureRanking() {
    }

    static void keep(LectureMapper mapper, long roundId, List<Ranking.Place> ranked) {
        for (int i = 0; i < ranked.size(); i++) {
            RoundEntry re = new RoundEntry();
            re.setRoundId(roundId);
            re.setEntryId(ranked.get(i).entryId());
            re.setAverage(ranked.get(i).average());
            re.setPosition(i + 1);
            mapper.updateRanking(re);
        }
    }

    static int quota(LectureMapper mapper, LectureRound r) {
        return mapper.selectLevels(r.getCampaignId()).stream().filter(l -> l.getLevelNo() == r.getLevelNo())
            .mapToInt(CampaignLevel::getQuota).findFirst().orElse(0);
    }

    static boolean isTop(LectureMapper mapper, LectureRound r) {
        return r.getLevelNo() == mapper.selectLevels(r.getCampaignId()).size() - 1;
    }
}
