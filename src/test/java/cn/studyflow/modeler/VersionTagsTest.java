package cn.studyflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTagsTest {

    @Test
    void theNextPatchMinorAndMajorVersionFollowTheLatestTag() {
        assertThat(VersionTags.next("1.0.0")).containsExactly("1.0.1", "1.1.0", "2.0.0");
        assertThat(VersionTags.next("1.2.9")).containsExactly("1.2.10", "1.3.0", "2.0.0");
    }

    @Test
    void shortTagsCountMissingPartsAsZeroAndKeepTheirPrefix() {
        assertThat(VersionTags.next("2")).containsExactly("2.0.1", "2.1.0", "3.0.0");
        assertThat(VersionTags.next("v1.4")).containsExactly("v1.4.1", "v1.5.0", "v2.0.0");
    }

    @Test
    void aProcessWithoutTagStartsAtOneAndAFreeTextTagProposesNothing() {
        assertThat(VersionTags.next(null)).containsExactly("1.0.0");
        assertThat(VersionTags.next(" ")).containsExactly("1.0.0");
        assertThat(VersionTags.next("spring-2027")).isEmpty();
    }
}
