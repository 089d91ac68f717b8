using MinhBach.Data;

namespace MinhBach.Features.Requests;

/// <summary>Where a request stands, whatever its kind (each kind stores its own status enum, with the same numbers).</summary>
public enum RequestStage
{
    Received = 0,
    Assigned = 1,
    Answered = 2,
    Published = 3,
}

/// <summary>
/// The fields a question and a petition share: who received it and who handles it, the tracking code, the deadline,
/// the assignment, the answer, the public wording's shared parts, the reminders, the private attachment and the
/// version. Not an entity of its own: each kind keeps its own table (and its own names for what differs).
/// </summary>
public abstract class RoutedRequest : IRoutedRequest
{
    public int Id { get; set; }
    /// <summary>The site it was received on.</summary>
    public int SiteId { get; set; }
    /// <summary>The site that answers it (its inbox lists it).</summary>
    public int HandlingSiteId { get; set; }
    /// <summary>Tracking code, e.g. HD-7K3M-Q9XA or PA-7K3M-Q9XA: unguessable, easy to read aloud.</summary>
    public string Code { get; set; } = "";
    /// <summary>Random key of the form that sent it: the same form posted twice (a double click) makes one request.</summary>
    public string? SubmissionKey { get; set; }

    /// <summary>Last day to answer: the configured number of working days after the day it was received.</summary>
    public DateOnly DueOn { get; set; }

    public DateTime? AssignedAt { get; set; }
    public string? AssignedByName { get; set; }
    public string? AssignmentNote { get; set; }

    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredByName { get; set; }

    public DateTime? PublishedAt { get; set; }
    public string? PublicAnswer { get; set; }
    /// <summary>The public wording folded (no tones, đ → d), for searching with or without diacritics.</summary>
    public string? PublicFolded { get; set; }

    public DateTime? RemindedAt { get; set; }
    public DateTime? EscalatedAt { get; set; }

    /// <summary>Where the attachment is in the file store (private: only the administration serves it).</summary>
    public string? AttachmentPath { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }
    public long AttachmentSize { get; set; }

    /// <summary>Absolute address of the handling site (links to its administration in staff mail).</summary>
    public string? HandlingBaseUrl { get; set; }

    public int Version { get; set; }

    /// <summary>Received or assigned: not answered yet.</summary>
    public bool IsOpen => Stage is RequestStage.Received or RequestStage.Assigned;

    // What the shared steps read and change under each kind's own names (none of these is a column of its own).

    /// <summary>The kind's status, as a stage.</summary>
    public abstract RequestStage Stage { get; }
    public abstract void MoveTo(RequestStage stage);
    public abstract string? RequesterEmail { get; }
    public abstract string? RequesterPhone { get; }
    /// <summary>The title the requester gave (staff and the requester see it).</summary>
    public abstract string Heading { get; }
    public abstract DateTime ReceivedAt { get; }
    public abstract string? PublicHeading { get; }
    /// <summary>The published wording of what was asked or reported.</summary>
    public abstract string? PublicBody { get; }
    public abstract void SetPublicWording(string heading, string body);
}

/// <summary>The mapping every kind of request shares (each keeps its own table and indexes by its own dates).</summary>
public static class RoutedRequestModel
{
    public static void Configure<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e) where T : RoutedRequest
    {
        e.HasIndex(r => r.Code).IsUnique();
        e.HasIndex(r => r.SubmissionKey).IsUnique();
        // Status is each kind's own enum, named here by its column.
        e.HasIndex(nameof(RoutedRequest.HandlingSiteId), "Status", nameof(RoutedRequest.DueOn));
        e.HasIndex("Status", nameof(RoutedRequest.DueOn));
        e.Property(r => r.Code).HasMaxLength(16);
        e.Property(r => r.SubmissionKey).HasMaxLength(64);
        e.Property(r => r.AssignedByName).HasMaxLength(200);
        e.Property(r => r.AnsweredByName).HasMaxLength(200);
        e.Property(r => r.AssignmentNote).HasMaxLength(1000);
        e.Property(r => r.AttachmentPath).HasMaxLength(100);
        e.Property(r => r.AttachmentName).HasMaxLength(200);
        e.Property(r => r.AttachmentType).HasMaxLength(100);
        e.Property(r => r.HandlingBaseUrl).HasMaxLength(300);
        e.HasOne<Sites.Site>().WithMany().HasForeignKey(r => r.HandlingSiteId).OnDelete(Microsoft.EntityFrameworkCore.DeleteBehavior.Restrict);
    }
}
