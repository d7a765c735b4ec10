package cn.studyflow.admin;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import cn.studyflow.upload.UploadField;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import and export of people as .xlsx: the template, the upload (a dry run first, or the import itself) whose
 * report is shown at once, and the export in the same format.
 */
@Controller
@RequiredArgsConstructor
class ImportController {

    static final String IMPORT_VIEW = "admin/import";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PeopleImport imports;
    private final PeopleExport exports;
    private final AdminAccess access;
    private final MultipartProperties multipart;

    @GetMapping("/admin/import")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        access.requireAdministrator(user);
        model.addAttribute("maxRows", imports.maxRows());
        model.addAttribute("upload", uploadField());
        return IMPORT_VIEW;
    }

    /** The report is the answer to this upload itself; it is not kept anywhere, so there is nothing to redirect to. */
    @PostMapping("/admin/import")
    String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "true") boolean dryRun, Model model) throws IOException {
        String view = form(user, model);
        if (file == null || file.isEmpty()) {
            throw BusinessException.invalid("admin.import.noFile");
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("report", imports.run(user, file.getBytes(), dryRun));
        return view;
    }

    @GetMapping("/admin/import/template.xlsx")
    void template(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        download(user, response, "人员导入模板.xlsx", exports::template);
    }

    @GetMapping("/admin/people/export.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        download(user, response, "人员-" + LocalDate.now() + ".xlsx", out -> exports.export(user, out));
    }

    /** A spreadsheet for administrators only, written straight into the response. */
    private void download(CurrentUser user, HttpServletResponse response, String fileName,
                          Consumer<OutputStream> sheet) throws IOException {
        access.requireAdministrator(user);
        prepare(response, fileName);
        try (OutputStream out = response.getOutputStream()) {
            sheet.accept(out);
        }
    }

    /** A spreadsheet up to the largest upload the server takes at all. */
    private UploadField uploadField() {
        return new UploadField(List.of("xlsx"), multipart.getMaxFileSize().toBytes());
    }

    static void prepare(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    }
}
