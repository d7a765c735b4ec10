package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which names, extensions and download headers go with a material's file. What a file is, from its bytes, is
 * {@code upload.ContentDetectorTest}'s; that every refusal leaves nothing behind is {@link MaterialInputTest}'s.
 */
class MaterialFilesTest {

    @Test
    void noFileIsEverServedAsHtml() {
        for (FileType type : FileType.values()) {
            assertThat(type.contentType()).doesNotContainIgnoringCase("html").doesNotContainIgnoringCase("xml+")
                .doesNotContainIgnoringCase("svg");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"发言材料.pdf", "Report v2 (final).docx", "a.b.c.txt", "课件 – 第三讲.pptx"})
    void plainFileNamesAreKept(String name) {
        assertThat(MaterialFiles.checkName(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "a/b.pdf", "a\\b.pdf", "..", ".", " ", "x\u0000.pdf", "x\u202E.pdf", "x\t.pdf"})
    void namesWithAPathOrControlCharactersAreRefused(String name) {
        assertThatThrownBy(() -> MaterialFiles.checkName(name)).isInstanceOfSatisfying(BusinessException.class,
            e -> assertThat(e.getMessageKey()).isEqualTo("material.error.fileName"));
    }

    @Test
    void aTooLongNameIsRefused() {
        assertThatThrownBy(() -> MaterialFiles.checkName("长".repeat(201) + ".pdf")).isInstanceOf(BusinessException.class);
    }

    @Test
    void downloadsCarryTheOriginalNameEncodedAndAnAsciiFallback() {
        assertThat(MaterialDownloads.contentDisposition("学习 心得.pdf", "material-7-v2"))
            .isEqualTo("attachment; filename=\"material-7-v2.pdf\"; "
                + "filename*=UTF-8''%E5%AD%A6%E4%B9%A0%20%E5%BF%83%E5%BE%97.pdf");
        assertThat(MaterialDownloads.contentDisposition("report.pdf", "material-7-v2"))
            .isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
        assertThat(MaterialDownloads.contentDisposition("a\"b.txt", "material-1-v1"))
            .startsWith("attachment; filename=\"material-1-v1.txt\";");
    }
}
