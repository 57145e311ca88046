package com.wuaigou.ops.personnel.rest;

import com.wuaigou.ops.common.concurrency.ETags;
import com.wuaigou.ops.common.concurrency.IfMatch;
import com.wuaigou.ops.common.concurrency.VersionedView;
import com.wuaigou.ops.common.idempotency.Idempotent;
import com.wuaigou.ops.common.input.SingleLine;
import com.wuaigou.ops.common.security.Roles;
import com.wuaigou.ops.personnel.domain.Post;
import com.wuaigou.ops.personnel.service.PostService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "Posts in the groups with their primary and secondary duties")
public class PostResource {

    private final PostService posts;

    PostResource(PostService posts) {
        this.posts = posts;
    }

    @Schema(description = "A post and its duties")
    public record PostResponse(
            @Schema(description = "Stable code, for example PB-EDITOR") String code,
            @Schema(description = "Title of the post") String title,
            @Schema(description = "Group the post belongs to") String groupCode,
            @Schema(description = "Primary duties, in order") List<String> primaryDuties,
            @Schema(description = "Secondary (flexibly assigned) duties, in order") List<String> secondaryDuties,
            @Schema(description = "Version; the answer\'s ETag carries it too") long version) implements VersionedView {

        static PostResponse of(Post post) {
            return new PostResponse(post.code, post.title, post.groupCode, List.copyOf(post.primaryDuties),
                    List.copyOf(post.secondaryDuties), post.version);
        }
    }

    @Schema(description = "A new post")
    public record NewPostRequest(
            @Schema(description = "Code: capital letters, digits, - or _, at most 40", example = "CS-AGENT")
            @NotBlank @Size(max = 40)
            @Pattern(regexp = "[A-Z][A-Z0-9_-]{0,39}", message = "must be 1-40 capital letters, digits, - or _")
            String code,
            @Schema(description = "Title") @NotBlank @SingleLine @Size(max = 200) String title,
            @Schema(description = "Group the post belongs to") @NotBlank @Size(max = 20) String groupCode,
            @Schema(description = "Primary duties, at least one") @NotEmpty List<@NotBlank @SingleLine @Size(max = 1000) String> primaryDuties,
            @Schema(description = "Secondary duties; may be empty") List<@NotBlank @SingleLine @Size(max = 1000) String> secondaryDuties) {
    }

    @Schema(description = "The whole changeable state of a post")
    public record PostUpdateRequest(
            @Schema(description = "Title") @NotBlank @SingleLine @Size(max = 200) String title,
            @Schema(description = "Group the post belongs to; changes only while nobody holds the post")
            @NotBlank @Size(max = 20) String groupCode,
            @Schema(description = "Primary duties, at least one") @NotEmpty List<@NotBlank @SingleLine @Size(max = 1000) String> primaryDuties,
            @Schema(description = "Secondary duties; may be empty") List<@NotBlank @SingleLine @Size(max = 1000) String> secondaryDuties) {
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "List posts", description = "Every post, by code, optionally of one group. Any signed-in role.")
    @APIResponse(responseCode = "200", description = "The posts")
    public List<PostResponse> list(@Parameter(description = "Only posts of this group") @QueryParam("group") String group) {
        List<Post> found = group == null ? Post.list("order by code") : Post.list("groupCode = ?1 order by code", group);
        return found.stream().map(PostResponse::of).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.DIRECTOR, Roles.ADMIN, Roles.BI})
    @Operation(summary = "Read a post", description = "One post with its duties. Any signed-in role.")
    @APIResponse(responseCode = "200", description = "The post",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    public PostResponse get(@PathParam("code") String code) {
        return PostResponse.of(posts.get(code));
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Create a post", description = "Adds a post to a group. Directors and admins.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION),
            content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "409", description = "unique-post-code: the code is taken")
    @APIResponse(responseCode = "422", description = "unknown-group")
    public Response create(@Valid @NotNull NewPostRequest request) {
        Post post = posts.create(request.code(), new PostService.PostDefinition(request.title(), request.groupCode(),
                request.primaryDuties(), request.secondaryDuties()));
        return Response.created(URI.create("/api/v1/posts/" + post.code)).entity(PostResponse.of(post)).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({Roles.DIRECTOR, Roles.ADMIN})
    @Operation(summary = "Change a post", description = "Title, group and duties. Directors and admins.")
    @APIResponse(responseCode = "200", description = "The changed post",
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION))
    @APIResponse(responseCode = "422", description = "unknown-group, or post-not-in-group while people hold it")
    public PostResponse update(@PathParam("code") String code,
                               @Parameter(description = ETags.IF_MATCH, required = true)
                               @HeaderParam(IfMatch.HEADER) String ifMatch,
                               @Valid @NotNull PostUpdateRequest request) {
        return PostResponse.of(posts.update(code, ifMatch, new PostService.PostDefinition(request.title(),
                request.groupCode(), request.primaryDuties(), request.secondaryDuties())));
    }
}
