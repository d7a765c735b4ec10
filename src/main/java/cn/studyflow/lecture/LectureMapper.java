package cn.studyflow.lecture;

import cn.studyflow.journal.JournalOwner;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface LectureMapper {

    // ---- campaigns

    int insertCampaign(Campaign campaign);

    int insertLevel(CampaignLevel level);

    int insertCriterion(Criterion criterion);

    Campaign selectCampaign(long id);

    /** Campaigns of the organisations above and at {@code path}, and, with {@code subtree}, of those below it. */
    List<Campaign> selectCampaigns(@Param("path") String path, @Param("subtree") boolean subtree);

    List<CampaignLevel> selectLevels(long campaignId);

    List<Criterion> selectCriteria(long campaignId);

    // ---- rounds

    int insertRound(LectureRound round);

    int updateRound(LectureRound round);

    LectureRound selectRound(long id);

    List<LectureRound> selectRounds(long campaignId);

    List<LectureRound> selectRoundsAt(@Param("campaignId") long campaignId, @Param("levelNo") int levelNo);

    int insertJudge(@Param("roundId") long roundId, @Param("personId") long personId);

    List<Judge> selectJudges(long roundId);

    /** The rounds this person judges, newest first. */
    List<LectureRound> selectJudgedRounds(long personId);

    // ---- entries

    int insertEntry(LectureEntry entry);

    LectureEntry selectEntry(long id);

    List<LectureEntry> selectEntries(long campaignId);

    int updateEntryStatus(@Param("id") long id, @Param("status") EntryStatus status);

    int updateEntryScript(@Param("id") long id, @Param("materialId") long materialId);

    int updateEntrySelected(@Param("id") long id, @Param("levelNo") int levelNo, @Param("awarded") boolean awarded);

    int insertRoundEntry(RoundEntry roundEntry);

    List<RoundEntry> selectRoundEntries(long roundId);

    /** The round's entries that were not withdrawn, in their order. */
    default List<RoundEntry> selectActiveRoundEntries(long roundId) {
        return selectRoundEntries(roundId).stream().filter(e -> e.getEntryStatus() == EntryStatus.ENTERED).toList();
    }

    List<RoundEntry> selectRoundsOfEntry(long entryId);

    int updateRanking(RoundEntry roundEntry);

    int markSentUp(@Param("roundId") long roundId, @Param("entryId") long entryId);

    /** The library: entries selected at some level, of campaigns whose organisation is at or above {@code path}. */
    List<LectureEntry> selectLibrary(LibraryFilter filter);

    /** The teacher pool: enabled lecturers named outstanding in campaigns whose organisation is at or above {@code path}. */
    List<Teacher> selectTeachers(@Param("path") String path);

    // ---- sessions taking a library lecture as their topic

    @Select("SELECT entry_id FROM sf_lecture_session_topic WHERE session_id = #{sessionId}")
    Long selectSessionTopic(long sessionId);

    @Select("SELECT session_id FROM sf_lecture_session_topic WHERE entry_id = #{entryId} ORDER BY session_id")
    List<Long> selectTopicSessions(long entryId);

    @Delete("DELETE FROM sf_lecture_session_topic WHERE session_id = #{sessionId}")
    int deleteSessionTopic(long sessionId);

    void insertSessionTopic(@Param("sessionId") long sessionId, @Param("entryId") long entryId,
                            @Param("linkedBy") long linkedBy, @Param("linkedAt") OffsetDateTime linkedAt);

    // ---- progress

    /** Entries not withdrawn of organisations under {@code path}, entered in [from, to) or given at home in [fromDay, toDay). */
    List<ProgressFact> selectEntryFacts(@Param("path") String path, @Param("from") OffsetDateTime from,
                                        @Param("to") OffsetDateTime to, @Param("fromDay") LocalDate fromDay,
                                        @Param("toDay") LocalDate toDay);

    /** Rounds opened at organisations under {@code path} in [from, to). */
    List<ProgressFact> selectRoundFacts(@Param("path") String path, @Param("from") OffsetDateTime from,
                                        @Param("to") OffsetDateTime to);

    // ---- scores

    int insertScore(Score score);

    int deleteScores(@Param("roundId") long roundId, @Param("entryId") long entryId, @Param("judgeId") long judgeId);

    List<Score> selectScores(long roundId);

    List<Score> selectJudgeScores(@Param("roundId") long roundId, @Param("judgeId") long judgeId);

    /** Instances named by these ids, for the status journal. */
    List<JournalOwner> selectJournalOwners(@Param("ids") Collection<String> processInstanceIds);
}
