package cn.studyflow.system;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Rows of {@code sf_login_throttle}: one per user name or source address with recent failed logins. */
@Mapper
interface LoginThrottleMapper {

    int countBlocked(@Param("userKey") String userKey, @Param("addressKey") String addressKey,
                     @Param("now") OffsetDateTime now);

    int countBlockedKey(@Param("key") String key, @Param("now") OffsetDateTime now);

    /**
     * One more failure; failures older than {@code forgetBefore} are forgotten first, and with them the block
     * and the notice of the episode they belonged to. Counting in SQL keeps concurrent nodes from losing one.
     */
    int countFailure(@Param("key") String key, @Param("now") OffsetDateTime now,
                     @Param("forgetBefore") OffsetDateTime forgetBefore);

    void insertFirstFailure(@Param("key") String key, @Param("now") OffsetDateTime now);

    Integer selectFailures(@Param("key") String key);

    /** Blocks until {@code until} unless a longer block stands already (another node may have counted more). */
    int block(@Param("key") String key, @Param("until") OffsetDateTime until);

    /** 1 for the one caller that first marks the episode as told, 0 for everyone after. */
    int markNotified(@Param("key") String key);

    int delete(@Param("key") String key);

    /** Rows whose failures are forgotten and whose block is over: nothing in them counts any more. */
    int deleteForgotten(@Param("forgetBefore") OffsetDateTime forgetBefore, @Param("now") OffsetDateTime now);
}
