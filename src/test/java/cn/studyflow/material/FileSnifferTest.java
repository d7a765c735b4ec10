package cn.studyflow.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.common.BusinessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a file is, from its bytes; and which names, extensions and download headers go with it. */
class FileSnifferTest {

    static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    @TempDir Path dir;

    @Test
    void recognisesEveryAllowedKindFromItsBytes() throws IOException {
        assertThat(sniff(MaterialFixtures.PDF)).isEqualTo(FileSniffer.Content.PDF);
        assertThat(sniff(MaterialFixtures.ooxml("word"))).isEqualTo(FileSniffer.Content.WORD);
        assertThat(sniff(MaterialFixtures.ooxml("ppt"))).isEqualTo(FileSniffer.Content.POWERPOINT);
        assertThat(sniff(MaterialFixtures.ooxml("xl"))).isEqualTo(FileSniffer.Content.EXCEL);
        assertThat(sniff(OLE2)).isEqualTo(FileSniffer.Content.OLE2);
        assertThat(sniff(PNG)).isEqualTo(FileSniffer.Content.PNG);
        assertThat(sniff(JPEG)).isEqualTo(FileSniffer.Content.JPEG);
        assertThat(sniff("GIF87a...".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileSniffer.Content.GIF);
        assertThat(sniff("\uFEFF学习心得\r\n第二行".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileSniffer.Content.TEXT);
    }

    @Test
    void refusesWhatIsNoneOfThem() throws IOException {
        assertThat(sniff(MaterialFixtures.exe())).isEqualTo(FileSniffer.Content.UNKNOWN);
        assertThat(sniff(MaterialFixtures.html())).isEqualTo(FileSniffer.Content.UNKNOWN);
        assertThat(sniff("  <svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileSniffer.Content.UNKNOWN);
        assertThat(sniff("笔记\n<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileSniffer.Content.UNKNOWN);
        assertThat(sniff("text\0with a NUL".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileSniffer.Content.UNKNOWN);
        assertThat(sniff("中心组学习".getBytes(java.nio.charset.Charset.forName("GBK")))).isEqualTo(FileSniffer.Content.UNKNOWN);
        assertThat(sniff(MaterialFixtures.ooxml("payload"))).isEqualTo(FileSniffer.Content.UNKNOWN);
        byte[] brokenZip = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3};
        assertThat(sniff(brokenZip)).isEqualTo(FileSniffer.Content.UNKNOWN);
    }

    @Test
    void theExtensionMustAgreeWithTheContent() {
        assertThat(FileSniffer.typeOf(FileSniffer.Content.PDF, "PDF")).isEqualTo(FileType.PDF);
        assertThat(FileSniffer.typeOf(FileSniffer.Content.PDF, "docx")).isNull();
        assertThat(FileSniffer.typeOf(FileSniffer.Content.WORD, "docx")).isEqualTo(FileType.DOCX);
        assertThat(FileSniffer.typeOf(FileSniffer.Content.WORD, "xlsx")).isNull();
        assertThat(FileSniffer.typeOf(FileSniffer.Content.OLE2, "xls")).isEqualTo(FileType.XLS);
        assertThat(FileSniffer.typeOf(FileSniffer.Content.OLE2, "ppt")).isEqualTo(FileType.PPT);
        assertThat(FileSniffer.typeOf(FileSniffer.Content.OLE2, "msi")).isNull();
        assertThat(FileSniffer.typeOf(FileSniffer.Content.JPEG, "jpeg")).isEqualTo(FileType.JPEG);
        assertThat(FileSniffer.typeOf(FileSniffer.Content.TEXT, "html")).isNull();
        assertThat(FileSniffer.typeOf(FileSniffer.Content.TEXT, "")).isNull();
    }

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

    private FileSniffer.Content sniff(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".part");
        Files.write(file, bytes);
        return FileSniffer.sniff(file);
    }
}
