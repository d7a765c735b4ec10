package cn.studyflow.system;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Rows of {@code sf_login_throttle}: one per user name or source address with recent failed logins. */
@Mapper
interface LoginThrottleMapper {

    @Select("SELECT COUNT(*) FROM sf_login_throttle "
        + "WHERE throttle_key IN (#{userKey}, #{addressKey}) AND blocked_until > #{now}")
    int countBlocked(@Param("userKey") String userKey, @Param("addressKey") String addressKey,
                     @Param("now") OffsetDateTime now);

    @Select("SELECT COUNT(*) FROM sf_login_throttle WHERE throttle_key = #{key} AND blocked_until > #{now}")
    int countBlockedKey(@Param("key") String key, @Param("now") OffsetDateTime now);

    /**
     * One more failure; failures older than {@code forgetBefore} are forgotten first, and with them the block
     * and the notice of the episode they belonged to. Counting in SQL keeps concurrent nodes from losing one.
     */
    @Update("UPDATE sf_login_throttle SET "
        + "failures = CASE WHEN last_failure_at < #{forgetBefore} THEN 1 ELSE failures + 1 END, "
        + "blocked_until = CASE WHEN last_failure_at < #{forgetBefore} THEN NULL ELSE blocked_until END, "
        + "notified = CASE WHEN last_failure_at < #{forgetBefore} THEN FALSE ELSE notified END, "
        + "last_failure_at = #{now} "
        + "WHERE throttle_key = #{key}")
    int countFailure(@Param("key") String key, @Param("now") OffsetDateTime now,
                     @Param("forgetBefore") OffsetDateTime forgetBefore);

    @Insert("INSERT INTO sf_login_throttle (throttle_key, failures, last_failure_at, notified) "
        + "VALUES (#{key}, 1, #{now}, FALSE)")
    void insertFirstFailure(@Param("key") String key, @Param("now") OffsetDateTime now);

    @Select("SELECT failures FROM sf_login_throttle WHERE throttle_key = #{key}")
    Integer selectFailures(String key);

    /** Blocks until {@code until} unless a longer block stands already (another node may have counted more). */
    @Update("UPDATE sf_login_throttle SET blocked_until = #{until} "
        + "WHERE throttle_key = #{key} AND (blocked_until IS NULL OR blocked_until < #{until})")
    int block(@Param("key") String key, @Param("until") OffsetDateTime until);

    /** 1 for the one caller that first marks the episode as told, 0 for everyone after. */
    @Update("UPDATE sf_login_throttle SET notified = TRUE WHERE throttle_key = #{key} AND notified = FALSE")
    int markNotified(String key);

    @Delete("DELETE FROM sf_login_throttle WHERE throttle_key = #{key}")
    int delete(String key);

    /** Rows whose failures are forgotten and whose block is over: nothing in them counts any more. */
    @Delete("DELETE FROM sf_login_throttle WHERE last_failure_at < #{forgetBefore} "
        + "AND (blocked_until IS NULL OR blocked_until < #{now})")
    int deleteForgotten(@Param("forgetBefore") OffsetDateTime forgetBefore, @Param("now") OffsetDateTime now);
}
