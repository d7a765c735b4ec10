package cn.studyflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every statement of ApiTokenMapper: a token is found by its hash whatever its state (ApiTokens tells an expired
 * or revoked one apart itself), a person's tokens are listed newest first, only unrevoked unexpired ones count
 * towards the limit, only the owner revokes and only once, and a use is recorded on that token alone.
 */
@MapperTest
class ApiTokenMapperTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2031-03-10T09:00:00+08:00");

    @Autowired ApiTokenMapper tokens;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    Person member;
    Person other;

    @BeforeEach
    void people() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        member = Rows.person(people, town, "李文华", true, Role.MEMBER);
        other = Rows.person(people, town, "张海燕", true, Role.MEMBER);
    }

    @Test
    void aTokenIsFoundByItsHashWithEveryColumnWhateverItsState() {
        token(member, "考勤导出", "b2", NOW.minusDays(2), NOW.plusDays(30));
        ApiToken writable = insert(member, "材料上传", "c3", NOW.minusDays(1), NOW.plusDays(60), false);
        ApiToken readOnly = insert(other, "只读看板", "d4", NOW.minusDays(1), NOW.plusDays(60), true);

        ApiToken read = tokens.selectByHash(hash("c3"));
        assertThat(read.getId()).isEqualTo(writable.getId());
        assertThat(read.getPersonId()).isEqualTo(member.getId());
        assertThat(read.getName()).isEqualTo("材料上传");
        assertThat(read.getTokenHash()).isEqualTo(hash("c3"));
        assertThat(read.getPrefix()).isEqualTo("sft_c3");
        assertThat(read.isReadOnly()).isFalse();
        assertThat(read.getCreatedAt().toInstant()).isEqualTo(NOW.minusDays(1).toInstant());
        assertThat(read.getExpiresAt().toInstant()).isEqualTo(NOW.plusDays(60).toInstant());
        assertThat(read.getLastUsedAt()).isNull();
        assertThat(read.getRevokedAt()).isNull();
        assertThat(read.state(NOW)).isEqualTo("ACTIVE");
        ApiToken readOnlyRead = tokens.selectByHash(hash("d4"));
        assertThat(readOnlyRead.getId()).isEqualTo(readOnly.getId());
        assertThat(readOnlyRead.getPersonId()).isEqualTo(other.getId());
        assertThat(readOnlyRead.isReadOnly()).isTrue();
        assertThat(tokens.selectByHash(hash("zz"))).isNull();

        ApiToken expired = token(member, "去年的令牌", "e5", NOW.minusDays(400), NOW.minusDays(35));
        assertThat(tokens.revoke(writable.getId(), member.getId(), NOW)).isOne();
        ApiToken expiredRead = tokens.selectByHash(hash("e5"));
        assertThat(expiredRead.getId()).as("an expired token is still found, to be refused as such")
            .isEqualTo(expired.getId());
        assertThat(expiredRead.state(NOW)).isEqualTo("EXPIRED");
        ApiToken revoked = tokens.selectByHash(hash("c3"));
        assertThat(revoked.getId()).as("a revoked token is still found, to be refused as such")
            .isEqualTo(writable.getId());
        assertThat(revoked.getRevokedAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(revoked.state(NOW)).isEqualTo("REVOKED");
    }

    @Test
    void aPersonsTokensAreListedNewestFirstAndNoOneElses() {
        ApiToken oldest = token(member, "报表同步", "a1", NOW.minusDays(3), NOW.plusDays(30));
        ApiToken newest = token(member, "考勤导出", "b2", NOW.minusHours(1), NOW.plusDays(30));
        ApiToken middle = token(member, "材料上传", "c3", NOW.minusDays(2), NOW.plusDays(30));
        ApiToken sameMomentFirst = token(member, "学习台账", "d4", NOW.minusDays(1), NOW.plusDays(30));
        ApiToken sameMomentSecond = token(member, "会议纪要", "e5", NOW.minusDays(1), NOW.plusDays(30));
        ApiToken others = token(other, "报表同步", "f6", NOW, NOW.plusDays(30));
        tokens.revoke(middle.getId(), member.getId(), NOW);

        assertThat(tokens.selectByPerson(member.getId())).extracting(ApiToken::getId)
            .as("newest first, the later made of two at one moment first; a revoked one stays on the list")
            .containsExactly(newest.getId(), sameMomentSecond.getId(), sameMomentFirst.getId(), middle.getId(),
                oldest.getId());
        assertThat(tokens.selectByPerson(other.getId())).extracting(ApiToken::getId).containsExactly(others.getId());
        assertThat(tokens.selectByPerson(member.getId()).get(3).getRevokedAt()).isNotNull();
        assertThat(tokens.selectByPerson(member.getId()).get(0).getName()).isEqualTo("考勤导出");
    }

    @Test
    void onlyTokensNeitherRevokedNorExpiredCountTowardsTheLimit() {
        token(member, "报表同步", "a1", NOW.minusDays(3), NOW.plusSeconds(1));
        token(member, "考勤导出", "b2", NOW.minusDays(3), NOW.plusDays(30));
        token(member, "到期即止", "c3", NOW.minusDays(3), NOW);
        token(member, "去年的令牌", "d4", NOW.minusDays(400), NOW.minusDays(35));
        ApiToken revoked = token(member, "材料上传", "e5", NOW.minusDays(3), NOW.plusDays(30));
        tokens.revoke(revoked.getId(), member.getId(), NOW.minusDays(1));
        token(other, "学习台账", "f6", NOW.minusDays(3), NOW.plusDays(30));

        assertThat(tokens.countActive(member.getId(), NOW))
            .as("one ending a second from now counts; one ending now, one long expired and one revoked do not")
            .isEqualTo(2);
        assertThat(tokens.countActive(member.getId(), NOW.plusSeconds(1))).isOne();
        assertThat(tokens.countActive(other.getId(), NOW)).isOne();
        assertThat(tokens.countActive(other.getId(), NOW.plusDays(30))).isZero();
    }

    @Test
    void aTokenIsRevokedOnlyByItsOwnerAndOnlyOnce() {
        ApiToken token = token(member, "报表同步", "a1", NOW.minusDays(3), NOW.plusDays(30));
        token(member, "考勤导出", "b2", NOW.minusDays(3), NOW.plusDays(30));

        assertThat(tokens.revoke(token.getId(), other.getId(), NOW)).as("someone else's").isZero();
        assertThat(tokens.selectByHash(hash("a1")).getRevokedAt()).isNull();

        assertThat(tokens.revoke(token.getId(), member.getId(), NOW)).isOne();
        assertThat(tokens.revoke(token.getId(), member.getId(), NOW.plusHours(1))).as("already revoked").isZero();
        assertThat(tokens.selectByHash(hash("a1")).getRevokedAt().toInstant()).as("the first revocation stands")
            .isEqualTo(NOW.toInstant());
        assertThat(tokens.selectByHash(hash("b2")).getRevokedAt()).isNull();
        assertThat(tokens.countActive(member.getId(), NOW)).isEqualTo(1);
    }

    @Test
    void aUseIsRecordedOnThatTokenAlone() {
        ApiToken used = token(member, "报表同步", "a1", NOW.minusDays(3), NOW.plusDays(30));
        token(member, "考勤导出", "b2", NOW.minusDays(3), NOW.plusDays(30));

        tokens.touch(used.getId(), NOW.minusMinutes(5));
        assertThat(tokens.selectByHash(hash("a1")).getLastUsedAt().toInstant()).isEqualTo(NOW.minusMinutes(5).toInstant());
        tokens.touch(used.getId(), NOW);

        assertThat(tokens.selectByHash(hash("a1")).getLastUsedAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(tokens.selectByHash(hash("b2")).getLastUsedAt()).isNull();
        assertThat(tokens.selectByHash(hash("a1")).getRevokedAt()).isNull();
    }

    private ApiToken token(Person owner, String name, String secret, OffsetDateTime created, OffsetDateTime expires) {
        return insert(owner, name, secret, created, expires, false);
    }

    private ApiToken insert(Person owner, String name, String secret, OffsetDateTime created, OffsetDateTime expires,
                            boolean readOnly) {
        ApiToken token = new ApiToken();
        token.setPersonId(owner.getId());
        token.setName(name);
        token.setTokenHash(hash(secret));
        token.setPrefix("sft_" + secret);
        token.setReadOnly(readOnly);
        token.setCreatedAt(created);
        token.setExpiresAt(expires);
        tokens.insert(token);
        assertThat(token.getId()).isNotNull();
        return token;
    }

    private static String hash(String secret) {
        return ApiTokens.hash(ApiTokens.SCHEME + secret);
    }
}
