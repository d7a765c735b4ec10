package cn.studyflow.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyflow.material.FileType;
import cn.studyflow.common.BusinessException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * What a file is, from its bytes and never its name, against the materials' allowlist; and the zip bombs that
 * an Office file can hide (issue 13 §5). The limits are the ones application.yml ships with.
 */
class ContentDetectorTest {

    static final UploadProperties LIMITS = new UploadProperties(DataSize.ofMegabytes(200), 10_000, 100);
    static final long GIGABYTE = 1024L * 1024 * 1024;
    static final Set<FileType> MATERIALS = EnumSet.allOf(FileType.class);

    final ContentDetector detector = new ContentDetector(LIMITS);

    @TempDir Path dir;

    @Test
    void recognisesEveryAllowedKindFromItsBytes() throws IOException {
        assertThat(detect("发言.pdf", UploadSamples.PDF)).isEqualTo(FileType.PDF);
        assertThat(detect("发言.docx", UploadSamples.ooxml("word"))).isEqualTo(FileType.DOCX);
        assertThat(detect("课件.pptx", UploadSamples.ooxml("ppt"))).isEqualTo(FileType.PPTX);
        assertThat(detect("数据.xlsx", UploadSamples.ooxml("xl"))).isEqualTo(FileType.XLSX);
        assertThat(detect("旧稿.doc", UploadSamples.OLE2)).isEqualTo(FileType.DOC);
        assertThat(detect("旧表.XLS", UploadSamples.OLE2)).isEqualTo(FileType.XLS);
        assertThat(detect("旧课件.ppt", UploadSamples.OLE2)).isEqualTo(FileType.PPT);
        assertThat(detect("图.png", UploadSamples.PNG)).isEqualTo(FileType.PNG);
        assertThat(detect("照片.jpg", UploadSamples.JPEG)).isEqualTo(FileType.JPEG);
        assertThat(detect("动图.gif", "GIF87a...".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileType.GIF);
        assertThat(detect("心得.txt", "\uFEFF学习心得\r\n第二行".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileType.TEXT);
    }

    @Test
    void aRealPhotoAndPictureAreImages() throws IOException {
        assertThat(detect("签到表.jpeg", UploadSamples.image("jpg"))).isEqualTo(FileType.JPEG);
        assertThat(detect("现场.png", UploadSamples.image("png"))).isEqualTo(FileType.PNG);
        assertThatThrownBy(() -> detect("现场.pdf", UploadSamples.image("png")))
            .isInstanceOfSatisfying(BusinessException.class, e -> {
                assertThat(e.getMessageKey()).isEqualTo("upload.error.mismatch");
                assertThat(e.getArgs()).containsExactly("pdf", "png");
            });
    }

    @Test
    void aProgramRenamedPdfIsRefused() {
        refused("学习资料.pdf", UploadSamples.exe(), "upload.error.type");
        refused("学习资料.docx", UploadSamples.exe(), "upload.error.type");
    }

    @Test
    void bytesWithoutASignatureAreNotTakenForWhatTheirNameSays() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 0x01;
        noise[1] = 0x00;
        refused("报告.pdf", noise, "upload.error.type");
        refused("报告.docx", noise, "upload.error.type");
        refused("旧稿.doc", noise, "upload.error.type");
    }

    @Test
    void markupAndTextThatIsNotStrictUtf8AreRefused() {
        refused("发言.docx", UploadSamples.html(), "upload.error.type");
        refused("心得.txt", UploadSamples.html(), "upload.error.type");
        refused("图.txt", "  <svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "upload.error.type");
        refused("笔记.txt", "笔记\n<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "upload.error.type");
        refused("笔记.txt", "text\0with a NUL".getBytes(StandardCharsets.UTF_8), "upload.error.type");
        refused("笔记.txt", "中心组学习".getBytes(Charset.forName("GBK")), "upload.error.type");
    }

    @Test
    void aZipThatIsNoOfficeDocumentIsRefused() {
        refused("发言.docx", UploadSamples.ooxml("payload"), "upload.error.type");
        refused("发言.docx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}, "upload.error.type");
    }

    @Test
    void theExtensionMustAgreeWithTheContent() {
        BusinessException e = refused("发言.docx", UploadSamples.PDF, "upload.error.mismatch");
        assertThat(e.getArgs()).containsExactly("docx", "pdf");
        refused("发言.xlsx", UploadSamples.ooxml("word"), "upload.error.mismatch");
        refused("安装包.msi", UploadSamples.OLE2, "upload.error.mismatch");
        refused("心得.html", "学习心得".getBytes(StandardCharsets.UTF_8), "upload.error.mismatch");
        assertThat(refused("心得", "学习心得".getBytes(StandardCharsets.UTF_8), "upload.error.mismatch").getArgs())
            .containsExactly("-", "txt");
    }

    @Test
    void aFeatureAcceptsOnlyItsOwnKinds() throws IOException {
        Set<FileType> photos = EnumSet.of(FileType.JPEG, FileType.PNG);
        Path pdf = write("发言.pdf", UploadSamples.PDF);
        assertThatThrownBy(() -> detector.detect(pdf, "发言.pdf", photos))
            .isInstanceOfSatisfying(BusinessException.class, e -> {
                assertThat(e.getMessageKey()).isEqualTo("upload.error.type");
                assertThat(e.getArgs()).containsExactly("png, jpg, jpeg");
            });
        assertThat(detector.detect(write("照片.jpg", UploadSamples.JPEG), "照片.jpg", photos)).isEqualTo(FileType.JPEG);
    }

    @Test
    void aOneMegabyteDocxThatInflatesToAGigabyteIsRefused() throws IOException {
        Path bomb = UploadSamples.zerosDocx(dir, GIGABYTE);
        assertThat(Files.size(bomb)).isLessThan(2 * 1024 * 1024);

        refused(bomb, "发言.docx", "upload.error.archive");
    }

    @Test
    void aDocxWhoseDirectoryUnderstatesItsSizeIsRefusedWhileInflating() throws IOException {
        Path liar = UploadSamples.lyingDocx(dir, GIGABYTE, 1000);
        try (ZipFile zip = new ZipFile(liar.toFile())) {
            assertThat(zip.getEntry(UploadSamples.WORD_MAIN).getSize()).as("what the directory declares").isEqualTo(1000);
        }

        BusinessException e = refused(liar, "发言.docx", "upload.error.archive");
        assertThat(e.getArgs()).containsExactly(200L, 10_000, 100);
    }

    @Test
    void aSmallerPartCompressedBeyondTheRatioIsRefused() throws IOException {
        Path dense = UploadSamples.zerosDocx(dir, 50L * 1024 * 1024);
        refused(dense, "发言.docx", "upload.error.archive");
    }

    @Test
    void tooManyPartsAreRefused() throws IOException {
        refused(UploadSamples.manyPartsDocx(dir, LIMITS.maxEntries()), "发言.docx", "upload.error.archive");
        assertThat(detector.detect(UploadSamples.manyPartsDocx(dir, 500), "发言.docx", MATERIALS)).isEqualTo(FileType.DOCX);
    }

    @Test
    void anOrdinaryDocxWithPicturesIsAccepted() throws IOException {
        Path file = dir.resolve("图文.docx");
        byte[] picture = new byte[8 * 1024 * 1024];
        new Random(3).nextBytes(picture);
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(UploadSamples.WORD_MAIN));
            zip.write(("<w:document>" + "<w:p>中心组学习</w:p>".repeat(20_000) + "</w:document>")
                .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/media/image1.jpeg"));
            zip.write(picture);
        }
        assertThat(detector.detect(file, "图文.docx", MATERIALS)).isEqualTo(FileType.DOCX);
    }

    private FileType detect(String name, byte[] bytes) throws IOException {
        return detector.detect(write(name, bytes), name, MATERIALS);
    }

    private BusinessException refused(String name, byte[] bytes, String key) {
        try {
            return refused(write(name, bytes), name, key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private BusinessException refused(Path file, String name, String key) {
        try {
            FileType accepted = detector.detect(file, name, MATERIALS);
            throw new AssertionError(name + " was accepted as " + accepted);
        } catch (BusinessException e) {
            assertThat(e.getMessageKey()).as(name).isEqualTo(key);
            return e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".part");
        Files.write(file, bytes);
        return file;
    }
}
