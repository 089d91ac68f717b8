using MinhBach.Features.Documents.Extraction;

namespace MinhBach.Features.Documents;

public static class DocumentsSetup
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddSingleton(new DocumentTextExtractor());
        services.AddSingleton<DocumentProposer>();
        services.AddScoped<DocumentFileIntake>();
        services.AddScoped<DocumentStatusRefresh>();
        services.AddScoped<DocumentFinder>();
        services.AddScoped<DocumentLinkNotes>();
        return services;
    }
}
