package io.dceff.reporting.rest;

import io.dceff.platform.csv.CsvMediaType;
import io.dceff.platform.csv.UploadTemplate;
import io.dceff.platform.csv.UploadTemplate.Column;
import io.dceff.platform.csv.XlsxUpload;
import io.dceff.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/energy-reports/template")
@Tag(name = "Energy reports")
@RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
public class EnergyReportTemplateResource {

    static final UploadTemplate TEMPLATE = new UploadTemplate(
            "energy-reports",
            List.of(
                    new Column("dataCenterCode", "数据中心编码", "Data center code", true, true),
                    new Column("period", "月份 YYYY-MM", "Month YYYY-MM", true, true),
                    new Column("facilityKwh", "总耗电量 kWh", "Facility energy kWh", true, false),
                    new Column("itKwh", "IT 设备耗电量 kWh", "IT energy kWh", true, false),
                    new Column("renewableKwh", "可再生能源电量 kWh", "Renewable energy kWh", false, false),
                    new Column("reusedKwh", "余热回收利用量 kWh", "Reused energy kWh", false, false),
                    new Column("waterM3", "用水量 m³", "Water m³", false, false),
                    new Column("racksInUse", "在用机架数", "Racks in use", false, false),
                    new Column("pueCategory", "PUE 计量类别 0–3", "PUE category 0–3", false, false)));

    @GET
    @Produces({CsvMediaType.TEXT_CSV, XlsxUpload.MEDIA_TYPE})
    @Operation(
            operationId = "getEnergyReportTemplate",
            summary = "The upload template of energy reports (CSV or XLSX)",
            description = "A header row with the columns of POST /api/v1/energy-reports/batch, labelled in Chinese and "
                    + "English; the upload reads these headers back. Ask with Accept: text/csv or the XLSX media type.")
    @APIResponse(responseCode = "200", description = "The template, a file to download")
    public Response template(@Context HttpHeaders headers) {
        return TEMPLATE.answer(headers);
    }
}
