import { maskIdNumber, maskPhone } from "../src/auth/mask";

describe("masking", () => {
  it.each([
    ["411502198003121232", "411502********1232"],
    ["41070219751108246x", "410702********246X"],
    [null, null],
    ["12345", "*****"],
  ])("masks the ID number %s as %s", (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });

  it.each([
    ["13812345678", "138****5678"],
    ["+86 138-1234-5678", "138****5678"],
    ["0376-6221234", "0376-*****34"],
    ["03736221234", "0373-*****34"],
    ["12345", "***45"],
    [null, null],
  ])("masks the phone %s as %s", (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});
