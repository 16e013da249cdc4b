using Lvyue.Notary.Signatures;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

public sealed partial class LvyueDbContext
{
    public DbSet<SigningCertificate> SigningCertificates => Set<SigningCertificate>();
    public DbSet<ContractSigningPlan> ContractSigningPlans => Set<ContractSigningPlan>();
    public DbSet<DocumentSignature> DocumentSignatures => Set<DocumentSignature>();

    partial void ConfigureSignatures(ModelBuilder b)
    {
        b.Entity<SigningCertificate>(e =>
        {
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Algorithm).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.UserName).HasMaxLength(256);
            e.Property(c => c.Subject).HasMaxLength(1000);
            e.Property(c => c.CommonName).HasMaxLength(300);
            e.Property(c => c.Issuer).HasMaxLength(1000);
            e.Property(c => c.SerialNumber).HasMaxLength(64);
            e.Property(c => c.Fingerprint).HasMaxLength(64);
            e.Property(c => c.KeyProtectorId).HasMaxLength(16);
            e.Property(c => c.CreatedBy).HasMaxLength(100);
            e.Property(c => c.RevocationReason).HasMaxLength(200);
            e.HasIndex(c => c.Fingerprint).IsUnique();
            e.HasIndex(c => new { c.Kind, c.Algorithm });
            e.HasIndex(c => c.BudgetUnitId);
            e.HasIndex(c => c.SupplierId);
            e.HasIndex(c => c.UserName);
            e.HasOne<SigningCertificate>().WithMany().HasForeignKey(c => c.IssuerCertificateId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ContractSigningPlan>(e =>
        {
            e.HasKey(p => p.ContractId);
            e.Property(p => p.ContractId).ValueGeneratedNever();
            e.Property(p => p.Order).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.UpdatedBy).HasMaxLength(100);
            e.HasOne<Contracts.Contract>().WithOne().HasForeignKey<ContractSigningPlan>(p => p.ContractId);
            e.HasQueryFilter(p => Contracts.Any(c => c.Id == p.ContractId));
        });
        b.Entity<DocumentSignature>(e =>
        {
            e.Property(s => s.Party).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Algorithm).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.SignedBy).HasMaxLength(100);
            e.Property(s => s.SignerName).HasMaxLength(300);
            e.Property(s => s.Format).HasMaxLength(16);
            e.Property(s => s.DocumentSha256).HasMaxLength(64);
            e.Property(s => s.DocumentSm3).HasMaxLength(64);
            e.Property(s => s.ValueSha256).HasMaxLength(64);
            e.HasIndex(s => new { s.DocumentId, s.Party, s.OrganizationId }).IsUnique();
            e.HasIndex(s => s.ContractId);
            e.HasIndex(s => s.CertificateId);
            e.HasOne<Contracts.Contract>().WithMany().HasForeignKey(s => s.ContractId);
            e.HasOne<Contracts.ContractDocument>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SigningCertificate>().WithMany().HasForeignKey(s => s.CertificateId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(s => Contracts.Any(c => c.Id == s.ContractId));
        });
    }
}
