package cn.studyflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.archive.ArchiveSource.ArchiveFile;
import cn.studyflow.archive.ArchiveSource.ArchivePart;
import cn.studyflow.archive.ArchiveSource.Content;
import cn.studyflow.common.BusinessException;
import cn.studyflow.material.FileType;
import cn.studyflow.session.SessionFileType;
import cn.studyflow.support.WordText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The archive of a finished year as its secretary downloads it: the summary and table of contents (.docx), the
 * session's record and photo in its folder by month and session, the attendance (.xlsx); who may have it; the
 * years that have none; and the zip written as it goes, never held whole.
 */
class ArchiveDownloadTest extends FinishedYearTest {

    @Autowired ArchiveWriter writer;

    @Override
    protected String townName() {
        return "档案测试镇党委";
    }

    @Test
    void theArchiveHoldsTheSummaryTheSessionWithItsRecordAndPhotoAndTheAttendance() throws Exception {
        MvcResult result = mvc.perform(get("/archive/download").param("org", orgId()).param("year", "" + year.year)
                .with(as(year.secretary().getUsername())))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/zip"))
            .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".zip")))
            .andReturn();
        ArchiveZip zip = ArchiveZip.of(result.getResponse().getContentAsByteArray());
        String root = "档案测试镇党委" + year.year + "年学习档案/";
        String folder = root + "学习会/" + year.year + "-03/" + year.day + " " + year.title(jdbc) + "/";

        assertThat(zip.paths().get(0)).isEqualTo(root + "目录与汇总.docx");
        assertThat(zip.paths()).contains(folder + "会议记录.docx", folder + "照片/" + FinishedYear.PHOTO_NAME,
            root + "出勤统计.xlsx");
        assertThat(zip.files().get(folder + "照片/" + FinishedYear.PHOTO_NAME)).as("the photo as uploaded")
            .isEqualTo(year.photo);

        WordText summary = WordText.of(zip.files().get(root + "目录与汇总.docx"));
        assertThat(summary.title()).isEqualTo("档案测试镇党委" + year.year + "年学习档案");
        assertThat(summary.paragraphs()).contains("汇总表", "学习会", "目录").anyMatch(p -> p.startsWith("档案状态"));
        assertThat(summary.rows()).contains(List.of("学习会", "1"), List.of("学习计划及审批", "0"))
            .anySatisfy(r -> assertThat(r).contains(year.title(jdbc), "已举行", "4", "3", "1", "0"))
            .anySatisfy(r -> assertThat(r.get(1)).isEqualTo("学习会/" + year.year + "-03/" + year.day + " "
                + year.title(jdbc) + "/照片/" + FinishedYear.PHOTO_NAME));

        WordText record = WordText.of(zip.files().get(folder + "会议记录.docx"));
        assertThat(record.title()).isEqualTo(year.title(jdbc));
        assertThat(record.paragraphs()).contains("会议记录", FinishedYear.MINUTES);
        assertThat(record.rows()).anySatisfy(r -> assertThat(r).startsWith(group.member2().getDisplayName())
            .contains("请假"));

        List<List<String>> attendance = ArchiveZip.sheetRows(zip.files().get(root + "出勤统计.xlsx"));
        assertThat(attendance.get(0)).containsExactly("日期", "学习主题", "姓名", "组织", "身份", "出勤", "签到时间", "已补学");
        assertThat(attendance).hasSize(5)
            .anySatisfy(r -> assertThat(r.subList(0, 6)).containsExactly(year.day.toString(), year.title(jdbc),
                group.member().getDisplayName(), "档案测试镇党委", "中心组成员", "出席"))
            .anySatisfy(r -> assertThat(r.subList(2, 6)).containsExactly(group.member2().getDisplayName(),
                "档案测试镇党委", "中心组成员", "请假"));

        // the credits of the year, from the credit ledger: the member who attended earned some
        List<List<String>> credits = ArchiveZip.sheetRows(zip.files().get(root + "学分统计.xlsx"));
        assertThat(credits.get(0)).startsWith("组织", "姓名");
        assertThat(credits).anySatisfy(r -> {
            assertThat(r.get(1)).isEqualTo(group.member().getDisplayName());
            assertThat(Double.parseDouble(r.get(3))).isPositive();
        });
    }

    @Test
    void theLeaderAndTheSuperiorMayDownloadAMemberAndAnotherTownMayNot() throws Exception {
        download(group.leader().getUsername(), year.year).andExpect(status().isOk());
        download("qz_dept", year.year).andExpect(status().isOk());
        download(group.member().getUsername(), year.year).andExpect(status().isNotFound());
        download("bq_secretary", year.year).andExpect(status().isNotFound());
        download("wfz_leader", year.year).andExpect(status().isNotFound());
        mvc.perform(get("/api/archive/download").param("orgId", orgId()).param("year", "" + year.year)
            .with(as(group.member().getUsername()))).andExpect(status().isNotFound());
    }

    @Test
    void aYearWithNothingOrStillToComeIsRefusedWithAMessageAndNoZip() throws Exception {
        String empty = download(year.secretary().getUsername(), year.year - 3).andExpect(status().isBadRequest())
            .andReturn().getResponse().getContentAsString();
        assertThat(empty).contains((year.year - 3) + "年没有任何学习记录");
        String future = mvc.perform(get("/api/archive/download").param("orgId", orgId())
                .param("year", "" + (year.year + 2)).with(as(year.secretary().getUsername())))
            .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(future).contains((year.year + 2) + "年尚未开始").doesNotContain("PK");
    }

    @Test
    void thePageCountsWhatTheYearHolds() throws Exception {
        String page = mvc.perform(get("/archive").param("org", orgId()).param("year", "" + year.year)
                .with(as(year.secretary().getUsername())))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("未归档", "id=\"archive-download\"", "id=\"closing-form\"")
            .doesNotContain("id=\"reopen-form\"");
        assertThat(page.replaceAll("\\s+", " ")).contains("<td>学习会</td><td class=\"count\">1</td>");
    }

    @Test
    void theZipIsWrittenAsItGoesNotHeldWhole() throws IOException {
        int size = 6 * 1024 * 1024;
        CountingStream out = new CountingStream();
        long[] seenBeforeSecond = new long[1];
        ArchivePart part = new ArchivePart(1, "archive.part.sessions", 2, List.of(), List.of(), List.of(
            ArchiveFile.atRoot("a.bin", o -> writeRandom(o, size)),
            ArchiveFile.atRoot("b.bin", o -> {
                seenBeforeSecond[0] = out.count;
                writeRandom(o, size);
            })));
        ArchiveYear archive = new ArchiveYear(1, "测试", year.year, List.of(part), null);

        writer.write(archive, Locale.SIMPLIFIED_CHINESE, out);

        assertThat(seenBeforeSecond[0]).as("the first file had reached the response before the second was read")
            .isGreaterThan(size * 9L / 10);
        assertThat(out.count).isGreaterThan(2L * size);
        assertThat(out.closed).as("the response is the caller's to close").isFalse();
    }

    @Test
    void photosAndOfficeFilesGoInAsTheyAreTextIsDeflatedAndAMissingFileLeavesAnEmptyEntry(@TempDir Path dir)
        throws IOException {
        byte[] photo = new byte[700 * 1024];
        new Random(3).nextBytes(photo);
        byte[] text = "学习笔记。".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        Path photoFile = Files.write(dir.resolve("photo"), photo);
        Path textFile = Files.write(dir.resolve("text"), text);
        ArchivePart part = new ArchivePart(1, "archive.part.sessions", 3, List.of(), List.of(), List.of(
            ArchiveFile.atRoot("照片.jpg", Content.copyOf(() -> new FileSystemResource(photoFile), SessionFileType.JPEG)),
            ArchiveFile.atRoot("笔记.txt", Content.copyOf(() -> new FileSystemResource(textFile), FileType.TEXT)),
            ArchiveFile.atRoot("丢失.png", Content.copyOf(() -> {
                throw BusinessException.notFound();
            }, SessionFileType.PNG))));
        Path zipFile = dir.resolve("archive.zip");
        try (OutputStream out = Files.newOutputStream(zipFile)) {
            writer.write(new ArchiveYear(1, "测试", year.year, List.of(part), null), Locale.SIMPLIFIED_CHINESE, out);
        }

        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry stored = zip.getEntry("测试" + year.year + "年学习档案/照片.jpg");
            assertThat(stored.getMethod()).as("a photo kept as it is").isEqualTo(ZipEntry.STORED);
            assertThat(stored.getSize()).isEqualTo(photo.length);
            assertThat(zip.getInputStream(stored).readAllBytes()).isEqualTo(photo);
            ZipEntry deflated = zip.getEntry("测试" + year.year + "年学习档案/笔记.txt");
            assertThat(deflated.getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(deflated.getCompressedSize()).isLessThan(text.length / 10);
            assertThat(zip.getInputStream(deflated).readAllBytes()).isEqualTo(text);
            assertThat(zip.getEntry("测试" + year.year + "年学习档案/丢失.png").getSize()).isZero();
        }
        // read as a stream too, as the browser test and most unzip tools do: the CRC-32 of every entry checked
        ArchiveZip read = ArchiveZip.of(Files.readAllBytes(zipFile));
        assertThat(read.endingWith("照片.jpg")).isEqualTo(photo);
        assertThat(read.endingWith("笔记.txt")).isEqualTo(text);
    }

    @Test
    void aPhotoWhoseSizeAndCrcWereKeptWhenStoredIsReadOnceAndOneWhoseSizeChangedIsReadAgain(@TempDir Path dir)
        throws IOException {
        byte[] photo = new byte[300 * 1024];
        new Random(5).nextBytes(photo);
        Path photoFile = Files.write(dir.resolve("photo"), photo);
        CRC32 crc = new CRC32();
        crc.update(photo);
        int[] opened = new int[2];
        ArchivePart part = new ArchivePart(1, "archive.part.sessions", 2, List.of(), List.of(), List.of(
            ArchiveFile.atRoot("已记校验.jpg", Content.copyOf(() -> counting(photoFile, opened, 0), SessionFileType.JPEG,
                (long) photo.length, crc.getValue())),
            // the size kept is not the file's: its sums are read from its bytes, as for a file stored before
            ArchiveFile.atRoot("大小不符.jpg", Content.copyOf(() -> counting(photoFile, opened, 1), SessionFileType.JPEG,
                photo.length + 1L, crc.getValue()))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(new ArchiveYear(1, "测试", year.year, List.of(part), null), Locale.SIMPLIFIED_CHINESE, out);

        assertThat(opened[0]).as("the file with its sums kept is read once").isEqualTo(1);
        assertThat(opened[1]).as("the file whose size changed is read for its sums, then for its bytes").isEqualTo(2);
        // read as a stream, which checks every entry's size and CRC-32
        ArchiveZip read = ArchiveZip.of(out.toByteArray());
        assertThat(read.endingWith("已记校验.jpg")).isEqualTo(photo);
        assertThat(read.endingWith("大小不符.jpg")).isEqualTo(photo);
    }

    /** The stored file, counting how often it is opened in {@code opened[i]}. */
    private static FileSystemResource counting(Path file, int[] opened, int i) {
        return new FileSystemResource(file) {
            @Override
            public InputStream getInputStream() throws IOException {
                opened[i]++;
                return super.getInputStream();
            }
        };
    }

    private org.springframework.test.web.servlet.ResultActions download(String username, int y) throws Exception {
        return mvc.perform(get("/archive/download").param("org", orgId()).param("year", "" + y).with(as(username)));
    }


    private static void writeRandom(OutputStream o, int size) throws IOException {
        Random random = new Random(7);
        byte[] chunk = new byte[64 * 1024];
        for (int written = 0; written < size; written += chunk.length) {
            random.nextBytes(chunk);
            o.write(chunk);
        }
    }

    /** Counts what reaches the response; keeps nothing. */
    static final class CountingStream extends OutputStream {
        long count;
        boolean closed;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
