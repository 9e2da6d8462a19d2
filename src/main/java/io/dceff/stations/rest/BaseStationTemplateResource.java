package io.dceff.stations.rest;

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

@Path("/api/v1/base-stations/template")
@Tag(name = "Base stations")
@RolesAllowed({Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN})
public class BaseStationTemplateResource {

    static final UploadTemplate TEMPLATE = new UploadTemplate(
            "base-stations",
            List.of(
                    new Column("siteId", "站址编码", "Site id", true, true),
                    new Column("district", "区县代码 (GB/T 2260)", "District code", true, true),
                    new Column("technology", "制式 4G/5G", "Technology 4G/5G", true, true),
                    new Column("builtOn", "建成日期 YYYY-MM-DD", "Built on YYYY-MM-DD", true, true),
                    new Column("sharedWith", "共享运营商 (以 ; 分隔)", "Shared with (carriers, ; separated)", false, true)));

    @GET
    @Produces({CsvMediaType.TEXT_CSV, XlsxUpload.MEDIA_TYPE})
    @Operation(
            operationId = "getBaseStationTemplate",
            summary = "The upload template of base stations (CSV or XLSX)",
            description = "A header row with the columns of POST /api/v1/base-stations/batch, labelled in Chinese and "
                    + "English; the upload reads these headers back. Ask with Accept: text/csv or the XLSX media type.")
    @APIResponse(responseCode = "200", description = "The template, a file to download")
    public Response template(@Context HttpHeaders headers) {
        return TEMPLATE.answer(headers);
    }
}
