import { describe, expect, it } from 'vitest';
import { valueOf, summaryOf } from './test-helpers.js';

describe('other biomarkers', () => {
  it('reads Ki-67', () => expect(summaryOf('Ki-67 (MIB-1): 25%').ki67).toBe(25));
  it('reads PD-L1 TPS', () => expect(valueOf('PD-L1 (22C3): tumor proportion score 60%', 'pdl1_tps')).toBe(60));
  it('reads PD-L1 CPS', () => expect(valueOf('PD-L1 (22C3 pharmDx): CPS = 5', 'pdl1_cps')).toBe(5));
  it('reads the PD-L1 clone', () => expect(valueOf('PD-L1 (SP263): TPS 70%', 'pdl1_clone')).toBe('SP263'));
  it('reads "TPS <1%" as 0', () => expect(valueOf('PD-L1 (22C3): TPS <1%', 'pdl1_tps')).toBe(0));
  it('reads MMR loss in a list', () => expect(valueOf('Loss of MLH1 and PMS2 expression.', 'pms2')).toBe('lost'));
  it('reads an MMR list with a shared result', () => expect(valueOf('MLH1, PMS2, MSH2 and MSH6: intact', 'msh6')).toBe('intact'));
  it('reads a panel statement', () => expect(valueOf('Mismatch repair proteins: intact (pMMR).', 'mlh1')).toBe('intact'));
  it('reads MSI-high', () => expect(valueOf('MSI by PCR: MSI-high.', 'msi')).toBe('MSI-H'));
  it('reads microsatellite stable', () => expect(valueOf('Microsatellite status: stable.', 'msi')).toBe('MSS'));
  it('reads a BRCA1 pathogenic variant', () => expect(valueOf('Germline BRCA1: pathogenic variant detected.', 'brca1')).toBe('pathogenic'));
  it('reads "no pathogenic variants in BRCA1 or BRCA2"', () => expect(valueOf('No pathogenic variants were detected in BRCA1 or BRCA2.', 'brca2')).toBe('negative'));
  it('reads BAP1 loss', () => expect(valueOf('BAP1: loss of nuclear expression.', 'bap1')).toBe('lost'));
  it('reads BAP1 retained', () => expect(valueOf('BAP1 immunostain: retained.', 'bap1')).toBe('retained'));
  it('reads an EGFR variant', () => expect(valueOf('EGFR: exon 19 deletion detected.', 'egfr')).toBe('exon 19 deletion'));
  it('"No EGFR mutation detected" is negative', () => expect(valueOf('No EGFR mutation detected.', 'egfr')).toBe('negative'));
  it('reads KRAS G12C', () => expect(valueOf('KRAS p.G12C mutation detected.', 'kras')).toBe('G12C'));
  it('reads ALK positive', () => expect(valueOf('ALK (D5F3): POSITIVE.', 'alk')).toBe('positive'));
  it('reads an NTRK fusion partner', () => expect(valueOf('ETV6::NTRK3 fusion detected.', 'ntrk')).toBe('ETV6::NTRK3'));
  it('reads TMB', () => expect(valueOf('Tumor mutational burden: 12 mutations/Mb.', 'tmb')).toBe(12));
  it('reads CLDN18.2', () => expect(valueOf('Claudin 18.2: positive (85% of tumor cells).', 'cldn18')).toBe('positive'));
  it('reads FOLR1', () => expect(valueOf('FOLR1: negative.', 'folr1')).toBe('negative'));
});

describe('staging items', () => {
  it('reads tumor size in mm', () => expect(valueOf('Tumor size: 2.3 cm', 'tumor_size')).toBe(23));
  it('reads the size given with a diagnosis wrapped after a comma', () =>
    expect(valueOf('- Invasive adenocarcinoma, acinar predominant (acinar 60%, papillary 30%,\nlepidic 10%), 2.8 cm.', 'tumor_size')).toBe(28));
  it('does not read a size across a line that ends without a comma', () =>
    expect(valueOf('Invasive adenocarcinoma, acinar predominant\nLymph node (station 7), 1.2 cm.', 'tumor_size')).toBeNull());
  it('reads nodes "2 of 14 lymph nodes"', () => expect(valueOf('Metastatic carcinoma in 2 of 14 lymph nodes.', 'nodes_examined')).toBe(14));
  it('adds node counts over parts', () => expect(valueOf('Part A: sentinel node (0/2).\nPart B: sentinel node (1/1).', 'nodes_examined')).toBe(3));
  it('reads margins', () => expect(valueOf('Margins: negative for carcinoma.', 'margins')).toBe('negative'));
  it('reads "no lymphovascular invasion"', () => expect(valueOf('No lymphovascular invasion is identified.', 'lvi')).toBe('absent'));
});

describe('OCR damage in gene names', () => {
  it('reads "MSH®6: intact"', () => expect(valueOf('MSH®6: intact nuclear expression', 'msh6')).toBe('intact'));
  it('skips a speck read as a digit before the TPS percentage', () => {
    expect(valueOf('PD-L1 (22C3 pharmDx): tumor proportion score 5 60%.', 'pdl1_tps')).toBe(60);
    expect(valueOf('PD-L1 (22C3): tumor proportion score 5.', 'pdl1_tps')).toBe(5);
  });
  it('reads OCR "MSHE6: present (intact)"', () => expect(valueOf('MSH2: present (intact)\nMSHE6: present (intact)', 'msh6')).toBe('intact'));
  it('reads a final digit misread as a look-alike ("MSHE:" for MSH6), never as another gene of the panel', () => {
    const text = 'MLH1: absent\nPMS2: absent\nMSH2: present (intact)\nMSHE: lost';
    expect(valueOf(text, 'msh6')).toBe('lost');
    expect(valueOf(text, 'msh2')).toBe('intact');
    expect(valueOf('MLHl: absent', 'mlh1')).toBe('lost');
    expect(valueOf('MSHE: lost', 'msh2')).toBeNull();
  });
});
